import { Injectable } from '@nestjs/common';
import {
  CASE_EVENTS,
  type CaseReviewDto,
  type CloseCaseDto,
  type CommandMessage,
  type DecideCaseDto,
  type EndCasePauseDto,
  type ExtendCaseDto,
  type PauseCaseDto,
  type RecordCaseStepDto,
} from '#libs/contracts';
import { isOnTime, localDateOf } from '#libs/clock';
import {
  assertDecisionSteps,
  assertExtensionAllowed,
  assertPauseAllowed,
  assertStepAllowed,
  hearingRequestDue,
  IllegalTransitionError,
  validatePenalties,
  validateReview,
  type StepContext,
} from '#libs/domain';
import { instantOf, notBefore, requireRole } from './case-access.js';
import { CaseChanges } from './case-changes.js';
import type { CaseRow } from './case.entity.js';
import { clockExtensions, clockPauses, type CaseView } from './case-view.js';

type Cmd<D> = CommandMessage<D & { id: string }>;

function stepContext(row: CaseRow): StepContext {
  return {
    status: row.status,
    filedDate: localDateOf(row.filedAt),
    steps: row.steps.map((s) => ({ step: s.step, date: s.date })),
    ...(row.decision ? { decision: { result: row.decision.result, date: localDateOf(row.decision.decidedAt) } } : {}),
  };
}

/** Clock and procedure of a case: pauses, extensions, steps, decision, closure, reviews. */
@Injectable()
export class CaseLifecycleService {
  constructor(private readonly changes: CaseChanges) {}

  pause(msg: Cmd<PauseCaseDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'pause', (row, { now, ruleSet, actor }) => {
      const startedAt = instantOf(msg.data.startedAt, 'startedAt', now);
      assertPauseAllowed(ruleSet, msg.data.reason, startedAt, row.filedAt, clockPauses(row));
      row.pauses = [...row.pauses, { reason: msg.data.reason, startedAt: startedAt.toISOString(), endedAt: null, recordedBy: actor.username }];
      row.status = 'paused';
      return [{ type: CASE_EVENTS.paused, payload: { reason: msg.data.reason, startedAt: startedAt.toISOString() }, occurredAt: startedAt }];
    });
  }

  resume(msg: Cmd<EndCasePauseDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'resume', (row, { now }) => {
      const current = row.pauses.at(-1)!;
      const endedAt = instantOf(msg.data.endedAt, 'endedAt', now);
      notBefore(endedAt, new Date(current.startedAt), 'endedAt', '中止开始时间');
      row.pauses = [...row.pauses.slice(0, -1), { ...current, endedAt: endedAt.toISOString() }];
      row.status = 'filed';
      return [
        {
          type: CASE_EVENTS.resumed,
          payload: { reason: current.reason, startedAt: current.startedAt, endedAt: endedAt.toISOString() },
          occurredAt: endedAt,
        },
      ];
    });
  }

  extend(msg: Cmd<ExtendCaseDto>): Promise<CaseView> {
    requireRole(msg.actor, 'supervisor');
    return this.changes.apply(msg, 'extend', (row, { now, ruleSet, actor, dueDate }) => {
      const { kind, reason, newDueDate } = msg.data;
      assertExtensionAllowed(ruleSet, clockExtensions(row), { kind, ...(newDueDate ? { newDueDate } : {}) }, dueDate, row.status);
      const approvedAt = now.toISOString();
      const length = ruleSet.periods.caseDisposition.extension!.length;
      row.extensions = [
        ...row.extensions,
        kind === 'standard'
          ? { kind, length, reason, approvedBy: actor.username, approvedAt }
          : { kind, newDueDate: newDueDate!, reason, approvedBy: actor.username, approvedAt },
      ];
      return [{ type: CASE_EVENTS.extended, payload: { kind, reason, approvedBy: actor.username, approvedAt, ...(newDueDate ? { newDueDate } : {}) } }];
    });
  }

  recordStep(msg: Cmd<RecordCaseStepDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'record_step', (row, { now, ruleSet, calendar, actor }) => {
      const at = instantOf(msg.data.at, 'at', now);
      const date = localDateOf(at);
      assertStepAllowed(stepContext(row), msg.data.step, date);
      row.steps = [...row.steps, { step: msg.data.step, at: at.toISOString(), date, recordedBy: actor.username }];
      const notice = row.steps.find((s) => s.step === 'notice');
      const onTime =
        msg.data.step === 'hearing_request' && notice ? date <= hearingRequestDue(notice.at, ruleSet, calendar).dueDate : undefined;
      return [{ type: CASE_EVENTS.stepRecorded, payload: { step: msg.data.step, at: at.toISOString(), ...(onTime !== undefined ? { onTime } : {}) }, occurredAt: at }];
    });
  }

  decide(msg: Cmd<DecideCaseDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'decide', (row, { now, actor, dueDate }) => {
      const decidedAt = instantOf(msg.data.decidedAt, 'decidedAt', now);
      notBefore(decidedAt, row.filedAt, 'decidedAt', '立案时间');
      const penalties = validatePenalties(msg.data.result, msg.data.penalties ?? []);
      assertDecisionSteps(stepContext(row), msg.data.result, localDateOf(decidedAt));
      row.decision = { result: msg.data.result, penalties, decidedAt: decidedAt.toISOString(), decidedBy: actor.username };
      row.status = 'decided';
      const payload = {
        result: msg.data.result,
        penalties,
        decidedAt: decidedAt.toISOString(),
        subject: row.subject,
        onTime: isOnTime(decidedAt, dueDate),
      };
      return [{ type: CASE_EVENTS.decided, payload, occurredAt: decidedAt }];
    });
  }

  close(msg: Cmd<CloseCaseDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'close', (row, { now }) => {
      const closedAt = instantOf(msg.data.closedAt, 'closedAt', now);
      notBefore(closedAt, new Date(row.decision!.decidedAt), 'closedAt', '决定时间');
      // 结案 follows service of the decision (送达), except a revoked filing which has nothing to serve.
      if (row.decision!.result !== 'revoked' && !row.steps.some((s) => s.step === 'delivery')) {
        throw new IllegalTransitionError(row.status, '决定书送达后才能结案', 'STEP_OUT_OF_ORDER');
      }
      row.closedAt = closedAt;
      row.status = 'closed';
      return [{ type: CASE_EVENTS.closed, payload: { closedAt: closedAt.toISOString() }, occurredAt: closedAt }];
    });
  }

  review(msg: Cmd<CaseReviewDto>): Promise<CaseView> {
    return this.changes.apply(msg, 'review', (row, { now, actor }) => {
      if (row.decision!.result === 'revoked') throw new IllegalTransitionError(row.status, '撤销立案的案件没有可复议或诉讼的决定');
      const { procedural } = validateReview(msg.data.kind, msg.data.outcome, msg.data.procedural);
      const concludedAt = instantOf(msg.data.concludedAt, 'concludedAt', now);
      notBefore(concludedAt, new Date(row.decision!.decidedAt), 'concludedAt', '决定时间');
      const review = { kind: msg.data.kind, outcome: msg.data.outcome, procedural, concludedAt: concludedAt.toISOString() };
      row.reviews = [...row.reviews, { ...review, recordedBy: actor.username }];
      return [{ type: CASE_EVENTS.reviewConcluded, payload: review, occurredAt: concludedAt }];
    });
  }
}
