import { IllegalTransitionError } from '../shared/domain-error.js';

/**
 * Life of a complaint (domain.md §5). `received` waits for the acceptance decision (受理/不予受理)
 * at the bureau that holds it now; a forward (移送) keeps it `received` at the new bureau.
 */
export const COMPLAINT_STATUSES = [
  'received',
  'rejected',
  'mediating',
  'paused',
  'mediation_ended',
  'closed',
  'odr_routed',
  'odr_accepted',
  'odr_closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CHANNELS = ['12315', 'phone', 'letter', 'walk_in', 'odr'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const MEDIATION_RESULTS = ['settled', 'failed', 'withdrawn', 'unreachable'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];

export const ODR_RESULTS = ['settled', 'failed'] as const;
export type OdrResult = (typeof ODR_RESULTS)[number];

export const SATISFACTIONS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export type ComplaintAction =
  | 'forward'
  | 'accept'
  | 'reject'
  | 'route_odr'
  | 'pause'
  | 'resume'
  | 'end_mediation'
  | 'close'
  | 'rate'
  | 'record_violation'
  | 'odr_accept'
  | 'odr_close'
  | 'rebase';

const ALLOWED_FROM: Record<ComplaintAction, readonly ComplaintStatus[]> = {
  forward: ['received'],
  accept: ['received'],
  reject: ['received'],
  route_odr: ['received'],
  pause: ['mediating'],
  resume: ['paused'],
  // A consumer may withdraw while a testing pause runs; ending mediation closes the pause.
  end_mediation: ['mediating', 'paused'],
  close: ['mediation_ended'],
  rate: ['closed', 'odr_closed'],
  // A violation is found while mediating (a pause for testing is still mediation).
  record_violation: ['mediating', 'paused'],
  odr_accept: ['odr_routed'],
  odr_close: ['odr_accepted'],
  // Only running clocks move to a newer rule version; finished records keep the one they were judged by.
  rebase: ['received', 'mediating', 'paused', 'mediation_ended', 'odr_routed', 'odr_accepted'],
};

const ACTION_LABEL: Record<ComplaintAction, string> = {
  forward: '移送',
  accept: '受理',
  reject: '不予受理',
  route_odr: '转 ODR 企业处理',
  pause: '中止调解计时',
  resume: '恢复调解计时',
  end_mediation: '终止调解',
  close: '办结',
  rate: '满意度评价',
  record_violation: '登记违法线索',
  odr_accept: 'ODR 企业受理',
  odr_close: 'ODR 办结',
  rebase: '按新确认的规则重算期限',
};

export function canTransition(status: ComplaintStatus, action: ComplaintAction): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** 409 with the current state when the action is not allowed from it. */
export function assertComplaintTransition(status: ComplaintStatus, action: ComplaintAction): void {
  if (!canTransition(status, action)) {
    throw new IllegalTransitionError(status, `投诉当前状态不能${ACTION_LABEL[action]}`);
  }
}

/** Statuses with a running statutory clock (shown in the work queue). */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'mediating', 'mediation_ended', 'odr_routed', 'odr_accepted'];
