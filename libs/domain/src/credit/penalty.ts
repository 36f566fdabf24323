import { addMonths } from './months.js';

/** Penalty kinds the credit record distinguishes; anything else counts as `other`. */
export type PenaltyKind = 'warning' | 'criticism' | 'fine' | 'confiscation' | 'suspension' | 'license_revocation' | 'other';

const PENALTY_ALIASES: Record<string, PenaltyKind> = {
  warning: 'warning',
  警告: 'warning',
  criticism: 'criticism',
  通报批评: 'criticism',
  fine: 'fine',
  罚款: 'fine',
  confiscation: 'confiscation',
  confiscation_of_illegal_gains: 'confiscation',
  confiscation_of_illegal_property: 'confiscation',
  没收违法所得: 'confiscation',
  没收非法财物: 'confiscation',
  suspension: 'suspension',
  suspension_of_business: 'suspension',
  责令停产停业: 'suspension',
  license_revocation: 'license_revocation',
  吊销许可证照: 'license_revocation',
  吊销营业执照: 'license_revocation',
};

export function penaltyKindOf(type: string): PenaltyKind {
  return PENALTY_ALIASES[type.trim()] ?? 'other';
}

export interface PenaltyItem {
  type: string;
  amount?: number;
}

/**
 * 市场监督管理行政处罚信息公示规定 (2021): a decision consisting only of a warning, a
 * notice of criticism and/or a "lower-amount" fine is published for 3 months; every other
 * penalty for 3 years. The lower-amount threshold is set by the province, so it is a
 * parameter (CREDIT_LIGHT_FINE_THRESHOLD_CNY): a fine strictly below it is light.
 */
export function isLightPenalty(penalties: readonly PenaltyItem[], lightFineThresholdCny: number): boolean {
  if (penalties.length === 0) return false;
  return penalties.every((p) => {
    const kind = penaltyKindOf(p.type);
    if (kind === 'warning' || kind === 'criticism') return true;
    return kind === 'fine' && typeof p.amount === 'number' && p.amount < lightFineThresholdCny;
  });
}

export const LIGHT_PUBLICATION_MONTHS = 3;
export const STANDARD_PUBLICATION_MONTHS = 36;

/**
 * A decision dated D is published on every date from D up to (not including) the returned
 * date: D + 3 months for a light penalty, D + 3 years otherwise.
 */
export function publicationEnd(decidedDate: string, light: boolean): string {
  return addMonths(decidedDate, light ? LIGHT_PUBLICATION_MONTHS : STANDARD_PUBLICATION_MONTHS);
}

/**
 * Whether a review outcome takes the penalty decision away, so its credit record is voided:
 * 行政复议 撤销 (`revoked`). Not 变更 (`altered`: a penalty remains, changed), not 确认违法
 * (`confirmed_illegal`: the decision is declared unlawful but stands), and not a lost lawsuit:
 * 行政诉讼 `lost` covers 撤销, 确认违法 and 变更 alike, so it cannot say the decision is gone.
 */
export function reviewRevokesDecision(kind: 'reconsideration' | 'litigation', outcome: string): boolean {
  return kind === 'reconsideration' && outcome === 'revoked';
}
