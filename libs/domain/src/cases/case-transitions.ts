import { IllegalTransitionError } from '../shared/domain-error.js';
import type { CaseStatus } from './vocabulary.js';

export type CaseAction =
  | 'pause'
  | 'resume'
  | 'extend'
  | 'transfer'
  | 'dispute_jurisdiction'
  | 'police_transfer'
  | 'record_step'
  | 'add_evidence'
  | 'decide'
  | 'close'
  | 'review';

/** Which statuses each action may start from (a simplified case is born closed: nothing applies). */
const ALLOWED: Record<CaseAction, readonly CaseStatus[]> = {
  pause: ['filed'],
  resume: ['paused'],
  extend: ['filed', 'paused'],
  transfer: ['filed', 'paused'],
  dispute_jurisdiction: ['filed', 'paused'],
  police_transfer: ['filed', 'paused', 'decided'],
  // Hearings and notices happen while the clock is paused for them (听证 is a pause reason).
  record_step: ['filed', 'paused', 'decided'],
  add_evidence: ['filed', 'paused', 'decided'],
  // A paused clock must be resumed first so the decision date is measured against a real due date.
  decide: ['filed'],
  close: ['decided'],
  review: ['decided', 'closed'],
};

const ACTION_LABEL: Record<CaseAction, string> = {
  pause: '中止计时',
  resume: '恢复计时',
  extend: '延期',
  transfer: '移送',
  dispute_jurisdiction: '提出管辖争议',
  police_transfer: '移送公安',
  record_step: '登记办案环节',
  add_evidence: '登记证据',
  decide: '作出决定',
  close: '结案',
  review: '登记复议诉讼结果',
};

export function canCaseDo(status: CaseStatus, action: CaseAction): boolean {
  return ALLOWED[action].includes(status);
}

/** 409 with the current status when the action does not apply. */
export function assertCaseAction(status: CaseStatus, action: CaseAction): void {
  if (!canCaseDo(status, action)) {
    throw new IllegalTransitionError(status, `案件当前状态不能${ACTION_LABEL[action]}`);
  }
}

export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['filed', 'paused'];
