import {
  computeDeadline,
  localDateOf,
  periodOf,
  type DeadlineResult,
  type Extension,
  type Instant,
  type LocalDate,
  type Pause,
  type RuleSet,
  type WorkCalendar,
} from '#libs/clock';
import { IllegalTransitionError, ValidationError } from '../shared/domain-error.js';

export interface CaseClockInput {
  filedAt: Instant;
  /** The penalty rule set in force on the filing date (kept for the case's life). */
  ruleSet: RuleSet<'penalty'>;
  extensions: readonly Extension[];
  pauses: readonly Pause[];
  calendar: WorkCalendar;
  today: Instant;
}

/** 办案期限: 90 days after filing, lengthened by extensions, with paused days added back. */
export function caseDisposition(input: CaseClockInput): DeadlineResult {
  return computeDeadline({
    start: input.filedAt,
    period: periodOf(input.ruleSet, 'caseDisposition'),
    extensions: [...input.extensions],
    pauses: [...input.pauses],
    calendar: input.calendar,
    today: input.today,
    ruleSet: input.ruleSet,
  });
}

/** 听证申请期限: 5 working days after the prior notice (告知). */
export function hearingRequestDue(noticeAt: Instant, ruleSet: RuleSet<'penalty'>, calendar: WorkCalendar): { dueDate: LocalDate; provisional: boolean } {
  const { dueDate, provisional } = computeDeadline({ start: noticeAt, period: periodOf(ruleSet, 'hearingRequest'), calendar });
  return { dueDate, provisional };
}

/** 管辖争议协商期限: 7 working days after the dispute arose. */
export function jurisdictionConsultationDue(raisedAt: Instant, ruleSet: RuleSet<'penalty'>, calendar: WorkCalendar): LocalDate {
  return computeDeadline({ start: raisedAt, period: periodOf(ruleSet, 'jurisdictionConsultation'), calendar }).dueDate;
}

export interface ReminderFlags {
  dueSoon: boolean;
  overdue: boolean;
}

/** Open items due within `workingDaysBefore` working days (default 3) are due soon; past the date, overdue. */
export function reminderFlags(dueDate: LocalDate, today: LocalDate, calendar: WorkCalendar, workingDaysBefore = 3): ReminderFlags {
  if (today > dueDate) return { dueSoon: false, overdue: true };
  const horizon = calendar.stepWorkingDays(today, workingDaysBefore).date;
  return { dueSoon: dueDate <= horizon, overdue: false };
}

/**
 * One standard extension (supervisor); beyond it only a collective decision (负责人集体讨论)
 * with an explicit date later than the current due date (处罚程序规定 第六十四条).
 */
export function assertExtensionAllowed(
  ruleSet: RuleSet<'penalty'>,
  existing: readonly Extension[],
  request: { kind: 'standard' | 'collective'; newDueDate?: LocalDate },
  currentDueDate: LocalDate,
  status: string,
): void {
  const rule = ruleSet.periods.caseDisposition.extension;
  const standard = existing.filter((e) => e.kind !== 'collective').length;
  const max = rule?.max ?? 0;
  if (request.kind === 'standard') {
    if (standard >= max) throw new IllegalTransitionError(status, `办案期限只能延长${max}次，再延期须集体讨论`, 'EXTENSION_LIMIT');
    return;
  }
  if (!rule?.collectiveBeyond || standard < max) {
    throw new IllegalTransitionError(status, '集体讨论延期须在批准延长后仍不能作出决定时适用', 'COLLECTIVE_BEFORE_STANDARD');
  }
  if (!request.newDueDate) throw ValidationError.field('newDueDate', 'REQUIRED', 'newDueDate：集体讨论延期须确定新的期限');
  if (request.newDueDate <= currentDueDate) {
    throw ValidationError.field('newDueDate', 'NOT_LATER', `newDueDate：须晚于当前期限 ${currentDueDate}`);
  }
}

/** A new pause: a reason the rule set excludes, not before filing, not overlapping the previous one. */
export function assertPauseAllowed(
  ruleSet: RuleSet<'penalty'>,
  reason: string,
  startedAt: Instant,
  filedAt: Instant,
  previous: readonly Pause[],
): void {
  const excluded: readonly string[] = ruleSet.periods.caseDisposition.excludedReasons ?? [];
  if (!excluded.includes(reason)) {
    throw ValidationError.field('reason', 'REASON_NOT_EXCLUDED', `reason：${reason} 不是办案期限可扣除的事由`);
  }
  if (localDateOf(startedAt) < localDateOf(filedAt)) {
    throw ValidationError.field('startedAt', 'BEFORE_FILING', 'startedAt：不能早于立案日期');
  }
  const last = previous.at(-1);
  if (last?.end && new Date(startedAt).getTime() < new Date(last.end).getTime()) {
    throw ValidationError.field('startedAt', 'OVERLAPS_PAUSE', 'startedAt：不能早于上一次中止的结束时间');
  }
}
