/** The fixed vocabularies of a case (domain.md §4); contracts and services use these lists. */
export const CASE_STATUSES = ['filed', 'paused', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_PROCEDURES = ['ordinary', 'fast_track', 'simplified'] as const;
export type CaseProcedure = (typeof CASE_PROCEDURES)[number];

/** 警告, 罚款, 没收违法所得, 没收非法财物, 责令停产停业, 吊销许可证照. */
export const PENALTY_TYPES = [
  'warning',
  'fine',
  'confiscation_of_illegal_gains',
  'confiscation_of_illegal_property',
  'suspension_of_business',
  'license_revocation',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PENALTY_TYPE_LABELS: Record<PenaltyType, string> = {
  warning: '警告',
  fine: '罚款',
  confiscation_of_illegal_gains: '没收违法所得',
  confiscation_of_illegal_property: '没收非法财物',
  suspension_of_business: '责令停产停业',
  license_revocation: '吊销许可证照',
};

/** How a decision's penalties read in a record or notice, e.g. "罚款 50000 元、没收违法所得". */
export function describePenalties(penalties: readonly { type: string; amount?: number }[]): string {
  return penalties
    .map((p) => {
      const label = PENALTY_TYPE_LABELS[p.type as PenaltyType] ?? p.type;
      return p.amount !== undefined ? `${label} ${p.amount} 元` : label;
    })
    .join('、');
}

/** 处罚, 不予处罚, 撤销立案. */
export const DECISION_RESULTS = ['penalty', 'no_penalty', 'revoked'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];

/** 告知, 陈述申辩, 听证申请, 听证, 法制审核, 集体讨论, 送达, 执行. */
export const CASE_STEPS = [
  'notice',
  'statement',
  'hearing_request',
  'hearing',
  'legal_review',
  'collective_discussion',
  'delivery',
  'enforcement',
] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** 行政复议: 维持, 驳回, 撤销, 变更, 确认违法, 终止. */
export const RECONSIDERATION_OUTCOMES = ['upheld', 'dismissed', 'revoked', 'altered', 'confirmed_illegal', 'terminated'] as const;
/** 行政诉讼: 驳回诉讼请求 (won), 撤销/确认违法/变更 (lost), 撤诉. */
export const LITIGATION_OUTCOMES = ['won', 'lost', 'withdrawn'] as const;
export type ReviewKind = 'reconsideration' | 'litigation';

/** 网页, 截图, 视频, 文件, 平台数据. */
export const EVIDENCE_TYPES = ['web_page', 'screenshot', 'video', 'file', 'platform_data'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface Penalty {
  type: PenaltyType;
  /** Yuan; required for a fine. */
  amount?: number;
}

/** 行政指导, 行政约谈, 提醒告诫, 警示通报 (recorded by cases, consumed by credit). */
export const SOFT_MEASURE_KINDS = ['guidance', 'interview', 'warning_reminder', 'public_notice'] as const;
export type SoftMeasureKind = (typeof SOFT_MEASURE_KINDS)[number];
