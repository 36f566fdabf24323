import { PENALTY_PROCEDURE_RULES, type PauseReason } from '#libs/clock';

/** The intake channels of domain.md §3 (监测信息, 举报, 交办, 督办, 检查发现, 移送, 投诉发现). */
export const LEAD_CHANNELS = [
  'platform_monitoring',
  'report',
  'assigned',
  'supervised',
  'inspection',
  'transfer_in',
  'complaint',
] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const LEAD_STATUSES = ['received', 'verifying', 'paused', 'decided', 'reported_back'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** 立案, 不予立案, 移送, 合并. */
export const LEAD_OUTCOMES = ['file_case', 'no_case', 'transfer', 'merge'] as const;
export type LeadOutcome = (typeof LEAD_OUTCOMES)[number];

export const LEAD_CASE_PROCEDURES = ['ordinary', 'fast_track'] as const;
export type LeadCaseProcedure = (typeof LEAD_CASE_PROCEDURES)[number];

/** Only a superior's leads are reported back to it (反馈). */
export const REPORT_BACK_CHANNELS: readonly LeadChannel[] = ['assigned', 'supervised'];

/** 检测、检验、检疫、鉴定、权利人辨认或者鉴别: the only reasons a lead's clock may stop. */
export const LEAD_PAUSE_REASONS: readonly PauseReason[] = PENALTY_PROCEDURE_RULES.periods.leadVerification.excludedReasons ?? [];

export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['received', 'verifying', 'paused'];

export function isLeadPauseReason(value: unknown): value is PauseReason {
  return typeof value === 'string' && (LEAD_PAUSE_REASONS as readonly string[]).includes(value);
}
