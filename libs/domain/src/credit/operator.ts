/** 经营者类型 (domain.md §6). */
export const OPERATOR_KINDS = ['platform', 'in_platform', 'own_site', 'other'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/**
 * Sector of an operator's regulated business. Food, drugs and special equipment carry the
 * longer minimum publication period before credit repair (12 months instead of 6).
 */
export const SECTORS = ['general', 'food', 'drug', 'special_equipment'] as const;
export type Sector = (typeof SECTORS)[number];

/** 经营异常名录 / 严重违法失信名单. */
export const CREDIT_LISTS = ['abnormal_operation', 'serious_dishonesty'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

/**
 * Why an operator was put on the serious dishonesty list. `life_health` (严重危害人民群众
 * 身体健康和生命安全) matters for repair: such entries are never repaired early.
 */
export const LIST_CATEGORIES = ['life_health', 'fair_competition', 'false_information', 'other'] as const;
export type ListCategory = (typeof LIST_CATEGORIES)[number];

/** 信用承诺 and 正面记录 (awards, honours, 守信激励) entered by officers. */
export const MANUAL_RECORD_KINDS = ['commitment', 'positive'] as const;
export type ManualRecordKind = (typeof MANUAL_RECORD_KINDS)[number];
