import { ClockError } from './clock-error.js';
import type { Period, PeriodUnit, RuleSetRef } from './deadline.types.js';
import { localDateOf, type Instant } from './instant.js';
import type { LocalDate } from './local-date.js';
import type { PauseReason } from './pause-reasons.js';

export type RuleDomain = 'penalty' | 'complaint';

export interface ExtensionRule {
  length: number;
  unit: PeriodUnit;
  /** How many standard extensions may be approved. */
  max: number;
  /** Beyond the standard extension only a collective decision with an explicit date (集体讨论). */
  collectiveBeyond?: boolean;
}

export interface PeriodRule {
  length: number;
  unit: PeriodUnit;
  /** The triggering event whose local date is day 0 (not counted). */
  from: string;
  extension?: ExtensionRule;
  excludedReasons?: readonly PauseReason[];
  basis: string;
}

export type PenaltyPeriodKey =
  | 'leadVerification'
  | 'caseDisposition'
  | 'hearingRequest'
  | 'reporterNotice'
  | 'policeTransferApproval'
  | 'jurisdictionConsultation';

export type ComplaintPeriodKey = 'acceptance' | 'mediation' | 'mediationTerminationNotice' | 'reporterNotice';

interface PeriodKeys {
  penalty: PenaltyPeriodKey;
  complaint: ComplaintPeriodKey;
}

export interface RuleSet<D extends RuleDomain = RuleDomain> extends RuleSetRef {
  domain: D;
  title: string;
  effectiveFrom: LocalDate;
  /** First date it no longer applies to (exclusive); absent = still in force. */
  effectiveUntil?: LocalDate;
  /** Distributes over D, so `RuleSet` (any domain) accepts every `RuleSet<'penalty'>` and `RuleSet<'complaint'>`. */
  periods: D extends RuleDomain ? Readonly<Record<PeriodKeys[D], PeriodRule>> : never;
  /** Its values are borrowed (Order 121 → Order 20's) until an admin confirms them. */
  unconfirmed: boolean;
  valuesFrom?: string;
  confirmedBy?: string;
  confirmedAt?: LocalDate;
}

export type AnyRuleSet = { [D in RuleDomain]: RuleSet<D> }[RuleDomain];

/** Admin-confirmed values for a shipped rule set; each confirmation is a new version (≥ 2). */
export interface ConfirmedRuleValues {
  ruleSetId: string;
  version: number;
  confirmedBy?: string;
  confirmedAt?: Instant;
  periods: Partial<Record<string, Partial<Pick<PeriodRule, 'length' | 'unit' | 'extension' | 'excludedReasons'>>>>;
}

const INVESTIGATION_EXCLUSIONS: readonly PauseReason[] = [
  'testing',
  'inspection',
  'quarantine',
  'appraisal',
  'rights_holder_identification',
];

const PENALTY_PROCEDURE = '市场监督管理行政处罚程序规定';
const ORDER_20 = '市场监督管理投诉举报处理暂行办法（2022年修订，总局令第20号）';

export const PENALTY_PROCEDURE_RULES: RuleSet<'penalty'> = {
  id: 'penalty-procedure',
  version: 1,
  domain: 'penalty',
  title: PENALTY_PROCEDURE,
  effectiveFrom: '2019-04-01',
  unconfirmed: false,
  periods: {
    leadVerification: {
      length: 15,
      unit: 'working',
      from: 'receipt',
      extension: { length: 15, unit: 'working', max: 1 },
      excludedReasons: INVESTIGATION_EXCLUSIONS,
      basis: `${PENALTY_PROCEDURE} 第十八条：十五个工作日内核查并决定是否立案，经批准可延长十五个工作日`,
    },
    caseDisposition: {
      length: 90,
      unit: 'calendar',
      from: 'filing',
      extension: { length: 30, unit: 'calendar', max: 1, collectiveBeyond: true },
      excludedReasons: [...INVESTIGATION_EXCLUSIONS, 'suspension', 'hearing', 'announcement', 'refund_order'],
      basis: `${PENALTY_PROCEDURE}：立案之日起九十日内作出处理决定，经批准可延长三十日，再延期须集体讨论`,
    },
    hearingRequest: {
      length: 5,
      unit: 'working',
      from: 'prior_notice',
      basis: '行政处罚法 第六十四条、第八十五条：告知后五日内提出，“五日”指工作日',
    },
    // For a report (举报) prefer the complaint rule set's reporterNotice: Order 121 changes it.
    reporterNotice: {
      length: 5,
      unit: 'working',
      from: 'lead_decision',
      basis: `${ORDER_20}：作出是否立案决定之日起五个工作日内告知举报人`,
    },
    // Order 310 has no "days mean working days" clause like 行政处罚法 第八十五条: calendar days.
    policeTransferApproval: {
      length: 3,
      unit: 'calendar',
      from: 'officer_report',
      basis: '行政执法机关移送涉嫌犯罪案件的规定（国务院令第310号）第五条：接到报告之日起三日内批准或者不批准移送',
    },
    jurisdictionConsultation: {
      length: 7,
      unit: 'working',
      from: 'dispute',
      basis: `${PENALTY_PROCEDURE}：管辖权争议自发生争议之日起七个工作日内协商解决`,
    },
  },
};

const ORDER_20_PERIODS: RuleSet<'complaint'>['periods'] = {
  acceptance: {
    length: 7,
    unit: 'working',
    from: 'receipt',
    basis: `${ORDER_20}：收到投诉之日起七个工作日内决定是否受理`,
  },
  mediation: {
    length: 45,
    unit: 'working',
    from: 'acceptance',
    excludedReasons: ['testing', 'inspection', 'appraisal'],
    basis: `${ORDER_20}：投诉受理之日起四十五个工作日内终止调解，检测、鉴定时间不计入`,
  },
  mediationTerminationNotice: {
    length: 7,
    unit: 'working',
    from: 'mediation_terminated',
    basis: `${ORDER_20}：终止调解之日起七个工作日内告知投诉人和被投诉人`,
  },
  reporterNotice: {
    length: 5,
    unit: 'working',
    from: 'lead_decision',
    basis: `${ORDER_20}：作出是否立案决定之日起五个工作日内告知举报人`,
  },
};

export const ORDER_121_EFFECTIVE_FROM = '2026-04-15';

export const COMPLAINT_ORDER_20_RULES: RuleSet<'complaint'> = {
  id: 'complaint-order-20',
  version: 1,
  domain: 'complaint',
  title: ORDER_20,
  effectiveFrom: '2020-01-01',
  effectiveUntil: ORDER_121_EFFECTIVE_FROM,
  unconfirmed: false,
  periods: ORDER_20_PERIODS,
};

/**
 * Order 121 changes the mediation period and the reporter notice; until an admin confirms its
 * values (ConfirmedRuleValues, version ≥ 2) items under it run on Order 20's and say so.
 */
export const COMPLAINT_ORDER_121_RULES: RuleSet<'complaint'> = {
  id: 'complaint-order-121',
  version: 1,
  domain: 'complaint',
  title: '市场监督管理投诉举报处理办法（总局令第121号）',
  effectiveFrom: ORDER_121_EFFECTIVE_FROM,
  unconfirmed: true,
  valuesFrom: COMPLAINT_ORDER_20_RULES.id,
  periods: ORDER_20_PERIODS,
};

export const RULE_SETS: readonly AnyRuleSet[] = [PENALTY_PROCEDURE_RULES, COMPLAINT_ORDER_20_RULES, COMPLAINT_ORDER_121_RULES];

function applyConfirmed<D extends RuleDomain>(shipped: RuleSet<D>, values: ConfirmedRuleValues): RuleSet<D> {
  const periods = { ...shipped.periods } as Record<string, PeriodRule>;
  for (const [key, patch] of Object.entries(values.periods)) {
    const current = periods[key];
    if (!current) throw new ClockError('INVALID_PERIOD', `规则 ${shipped.id} 没有期限 ${key}`, `periods.${key}`);
    const merged = { ...current, ...patch };
    if (!Number.isInteger(merged.length) || merged.length < 1 || (merged.unit !== 'working' && merged.unit !== 'calendar')) {
      throw new ClockError('INVALID_PERIOD', `期限 ${key} 的天数或单位无效`, `periods.${key}`);
    }
    periods[key] = merged;
  }
  const { valuesFrom: _borrowed, ...rest } = shipped;
  return {
    ...rest,
    version: values.version,
    periods: periods as RuleSet<D>['periods'],
    unconfirmed: false,
    ...(values.confirmedBy ? { confirmedBy: values.confirmedBy } : {}),
    ...(values.confirmedAt !== undefined ? { confirmedAt: localDateOf(values.confirmedAt) } : {}),
  };
}

function confirmationsOf(id: string, shippedVersion: number, confirmed: readonly ConfirmedRuleValues[]): ConfirmedRuleValues[] {
  return confirmed.filter((c) => c.ruleSetId === id && c.version > shippedVersion).sort((a, b) => a.version - b.version);
}

/**
 * The rule set in force on a record's receipt/filing date, with the newest admin confirmation
 * applied. Store its `id` and `version` on the record and reload it with `ruleSetById` later.
 */
export function ruleSetFor<D extends RuleDomain>(
  domain: D,
  receivedDate: Instant,
  confirmed: readonly ConfirmedRuleValues[] = [],
): RuleSet<D> {
  const date = localDateOf(receivedDate);
  const shipped = RULE_SETS.find(
    (r) => r.domain === domain && r.effectiveFrom <= date && (r.effectiveUntil === undefined || date < r.effectiveUntil),
  ) as RuleSet<D> | undefined;
  if (!shipped) throw new ClockError('NO_RULE_SET', `${date} 没有适用的${domain}期限规则`, 'receivedDate');
  const latest = confirmationsOf(shipped.id, shipped.version, confirmed).at(-1);
  return latest ? applyConfirmed(shipped, latest) : shipped;
}

/** Exactly the version a record started under (records keep it unless an admin re-bases them). */
export function ruleSetById(id: string, version: number, confirmed: readonly ConfirmedRuleValues[] = []): AnyRuleSet {
  const shipped = RULE_SETS.find((r) => r.id === id);
  if (shipped && version === shipped.version) return shipped;
  const match = shipped && confirmationsOf(id, shipped.version, confirmed).find((c) => c.version === version);
  if (!shipped || !match) throw new ClockError('NO_RULE_SET', `规则 ${id} v${version} 不存在`, 'ruleSet');
  return applyConfirmed<RuleDomain>(shipped as RuleSet, match) as AnyRuleSet;
}

/** The `{ length, unit }` of one period of a rule set, ready for `computeDeadline`. */
export function periodOf<D extends RuleDomain>(ruleSet: RuleSet<D>, key: PeriodKeys[D]): Period {
  const rule = (ruleSet.periods as Readonly<Record<PeriodKeys[D], PeriodRule>>)[key];
  return { length: rule.length, unit: rule.unit };
}
