import type { LocalDate } from '#libs/clock';
import { IllegalTransitionError, ValidationError } from '../shared/domain-error.js';
import type { CaseStatus, CaseStep, DecisionResult } from './vocabulary.js';

export interface RecordedStep {
  step: CaseStep;
  date: LocalDate;
}

export interface StepContext {
  status: CaseStatus;
  filedDate: LocalDate;
  steps: readonly RecordedStep[];
  decision?: { result: DecisionResult; date: LocalDate };
}

interface StepRule {
  /** Steps that must already be on file. */
  after: readonly CaseStep[];
  /** Before or after the decision (决定). */
  phase: 'before_decision' | 'after_decision';
  label: string;
}

/**
 * The order of the penalty procedure: 告知 opens 陈述申辩 and the hearing request; a hearing
 * needs a request; 集体讨论 follows 法制审核; 送达 and 执行 follow the decision.
 */
export const STEP_RULES: Record<CaseStep, StepRule> = {
  notice: { after: [], phase: 'before_decision', label: '告知' },
  statement: { after: ['notice'], phase: 'before_decision', label: '陈述申辩' },
  hearing_request: { after: ['notice'], phase: 'before_decision', label: '听证申请' },
  hearing: { after: ['hearing_request'], phase: 'before_decision', label: '听证' },
  legal_review: { after: [], phase: 'before_decision', label: '法制审核' },
  collective_discussion: { after: ['legal_review'], phase: 'before_decision', label: '集体讨论' },
  delivery: { after: [], phase: 'after_decision', label: '送达' },
  enforcement: { after: ['delivery'], phase: 'after_decision', label: '执行' },
};

function stepDate(steps: readonly RecordedStep[], step: CaseStep): LocalDate | undefined {
  return steps.find((s) => s.step === step)?.date;
}

/**
 * Throws 409 when the step is out of order (already recorded, prerequisite missing, wrong side
 * of the decision) and 400 when its date precedes what it must follow.
 */
export function assertStepAllowed(ctx: StepContext, step: CaseStep, date: LocalDate): void {
  const rule = STEP_RULES[step];
  const state = ctx.status;
  if (stepDate(ctx.steps, step) !== undefined) {
    throw new IllegalTransitionError(state, `${rule.label}已登记`, 'STEP_ALREADY_RECORDED');
  }
  if (rule.phase === 'before_decision' && ctx.decision) {
    throw new IllegalTransitionError(state, `${rule.label}须在作出决定前登记`, 'STEP_OUT_OF_ORDER');
  }
  if (rule.phase === 'after_decision' && !ctx.decision) {
    throw new IllegalTransitionError(state, `${rule.label}须在作出决定后登记`, 'STEP_OUT_OF_ORDER');
  }
  if (step === 'enforcement' && ctx.decision?.result !== 'penalty') {
    throw new IllegalTransitionError(state, '仅处罚决定需要执行', 'STEP_OUT_OF_ORDER');
  }
  let earliest = ctx.filedDate;
  for (const prerequisite of rule.after) {
    const at = stepDate(ctx.steps, prerequisite);
    if (at === undefined) {
      throw new IllegalTransitionError(state, `须先登记${STEP_RULES[prerequisite].label}，再登记${rule.label}`, 'STEP_OUT_OF_ORDER');
    }
    if (at > earliest) earliest = at;
  }
  if (rule.phase === 'after_decision' && ctx.decision && ctx.decision.date > earliest) earliest = ctx.decision.date;
  if (date < earliest) {
    throw ValidationError.field('at', 'STEP_BEFORE_PREREQUISITE', `at：${rule.label}日期不能早于 ${earliest}`);
  }
}

/**
 * A penalty needs the prior notice (行政处罚法 第四十四条) and, when a hearing was requested,
 * the hearing held (第六十四条) — both before the decision date.
 */
export function assertDecisionSteps(ctx: StepContext, result: DecisionResult, date: LocalDate): void {
  if (result !== 'penalty') return;
  const notice = stepDate(ctx.steps, 'notice');
  if (notice === undefined) {
    throw new IllegalTransitionError(ctx.status, '作出处罚决定前须先登记告知', 'STEP_OUT_OF_ORDER');
  }
  if (stepDate(ctx.steps, 'hearing_request') !== undefined && stepDate(ctx.steps, 'hearing') === undefined) {
    throw new IllegalTransitionError(ctx.status, '当事人已申请听证，须先登记听证', 'STEP_OUT_OF_ORDER');
  }
  const latest = ctx.steps.reduce((max, s) => (s.date > max ? s.date : max), ctx.filedDate);
  if (date < latest) {
    throw ValidationError.field('decidedAt', 'DECISION_BEFORE_STEP', `decidedAt：决定日期不能早于 ${latest}`);
  }
}
