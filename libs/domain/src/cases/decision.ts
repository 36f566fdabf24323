import { ValidationError } from '../shared/domain-error.js';
import { LITIGATION_OUTCOMES, RECONSIDERATION_OUTCOMES, type DecisionResult, type Penalty, type ReviewKind } from './vocabulary.js';

/** 简易程序 (行政处罚法 第五十一条): a warning, or a fine up to 3,000 yuan for an organisation. */
export const SIMPLIFIED_FINE_LIMIT = 3000;

/** Normalised penalties of a decision, or 400 naming the offending item. */
export function validatePenalties(result: DecisionResult, penalties: readonly Penalty[] = []): Penalty[] {
  if (result !== 'penalty') {
    if (penalties.length > 0) {
      throw ValidationError.field('penalties', 'PENALTIES_NOT_ALLOWED', 'penalties：不予处罚或撤销立案不能包含处罚种类');
    }
    return [];
  }
  if (penalties.length === 0) {
    throw ValidationError.field('penalties', 'PENALTIES_REQUIRED', 'penalties：处罚决定须至少包含一种处罚');
  }
  const seen = new Set<string>();
  return penalties.map((p, i) => {
    const field = `penalties[${i}]`;
    if (seen.has(p.type)) throw ValidationError.field(`${field}.type`, 'DUPLICATE_PENALTY', `${field}.type：处罚种类重复`);
    seen.add(p.type);
    if (p.type === 'fine' && (p.amount === undefined || !(p.amount > 0))) {
      throw ValidationError.field(`${field}.amount`, 'AMOUNT_REQUIRED', `${field}.amount：罚款须填写金额`);
    }
    const amountAllowed = p.type === 'fine' || p.type === 'confiscation_of_illegal_gains' || p.type === 'confiscation_of_illegal_property';
    if (!amountAllowed && p.amount !== undefined) {
      throw ValidationError.field(`${field}.amount`, 'AMOUNT_NOT_ALLOWED', `${field}.amount：该处罚种类不填写金额`);
    }
    return p.amount === undefined ? { type: p.type } : { type: p.type, amount: p.amount };
  });
}

/** The simplified procedure allows only a warning and/or a small fine. */
export function validateSimplifiedPenalties(penalties: readonly Penalty[]): Penalty[] {
  const valid = validatePenalties('penalty', penalties);
  valid.forEach((p, i) => {
    if (p.type !== 'warning' && p.type !== 'fine') {
      throw ValidationError.field(`penalties[${i}].type`, 'NOT_SIMPLIFIED', `penalties[${i}].type：简易程序只能警告或罚款`);
    }
    if (p.type === 'fine' && p.amount! > SIMPLIFIED_FINE_LIMIT) {
      throw ValidationError.field(
        `penalties[${i}].amount`,
        'NOT_SIMPLIFIED',
        `penalties[${i}].amount：简易程序罚款不超过 ${SIMPLIFIED_FINE_LIMIT} 元`,
      );
    }
  });
  return valid;
}

/**
 * A review outcome must belong to its kind; `procedural` (程序违法) is meaningful only for an
 * outcome the bureau lost (复议撤销/确认违法/变更, 诉讼败诉) and defaults to false.
 */
export function validateReview(kind: ReviewKind, outcome: string, procedural: boolean | undefined): { procedural: boolean } {
  const outcomes: readonly string[] = kind === 'reconsideration' ? RECONSIDERATION_OUTCOMES : LITIGATION_OUTCOMES;
  if (!outcomes.includes(outcome)) {
    throw ValidationError.field('outcome', 'OUTCOME_NOT_OF_KIND', `outcome：${outcome} 不是${kind === 'reconsideration' ? '行政复议' : '行政诉讼'}的结果`);
  }
  const lost = kind === 'reconsideration' ? ['revoked', 'altered', 'confirmed_illegal'].includes(outcome) : outcome === 'lost';
  if (procedural === true && !lost) {
    throw ValidationError.field('procedural', 'PROCEDURAL_NOT_APPLICABLE', 'procedural：仅被撤销、变更、确认违法或败诉时可标记程序违法');
  }
  return { procedural: procedural === true };
}
