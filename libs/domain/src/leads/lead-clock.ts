import {
  ClockError,
  computeDeadline,
  isOnTime,
  isOverdue,
  localDateOf,
  periodOf,
  type DeadlineExplanation,
  type Instant,
  type LocalDate,
  type Pause,
  type RuleSet,
  type WorkCalendar,
} from '#libs/clock';
import { ValidationError } from '../shared/domain-error.js';

export interface LeadExtensionFact {
  reason: string;
  approvedBy: string;
  approvedAt: Instant;
}

/** Everything a lead's due date depends on: all of it is stored, so the date is reproducible. */
export interface LeadClockInput {
  receivedAt: Instant;
  ruleSet: RuleSet<'penalty'>;
  calendar: WorkCalendar;
  pauses: Pause[];
  extension?: LeadExtensionFact;
  /** 上级交办/督办 deadline set by the superior. */
  superiorDueDate?: LocalDate;
  /** The national platform's deadline for a distributed monitoring item. */
  platformDueDate?: LocalDate;
  /** Needed while a pause is open: the clock assumes it ends today. */
  today: Instant;
}

export type LeadDueDateSource = 'statutory' | 'superior' | 'platform';

export interface LeadClock {
  dueDate: LocalDate;
  /** Which limit is the earliest and therefore applies. */
  source: LeadDueDateSource;
  /** 15 WD (+15 WD when extended) with pauses excluded. */
  statutoryDueDate: LocalDate;
  /** Earliest of the superior's and the platform's own dates, when given. */
  externalDueDate?: LocalDate;
  provisional: boolean;
  paused: boolean;
  ruleUnconfirmed: boolean;
  /** "Why this date" from the clock lib, plus the external limits compared against it. */
  explanation: DeadlineExplanation & { limits: { source: LeadDueDateSource; dueDate: LocalDate }[]; applied: LeadDueDateSource };
}

const SOURCE_LABEL: Record<LeadDueDateSource, string> = { statutory: '法定期限', superior: '上级要求期限', platform: '平台要求期限' };

/** Clock lib problems are bad input (400) for the service. */
export function rethrowClockError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ClockError) throw new ValidationError(error.code, error.message, error.details);
    throw error;
  }
}

/**
 * The verification due date (domain.md §3): 15 working days after receipt, one 15 WD extension,
 * excluded pauses; a superior's or the platform's own deadline applies when it is earlier.
 */
export function leadClock(input: LeadClockInput): LeadClock {
  const rule = input.ruleSet.periods.leadVerification;
  const statutory = rethrowClockError(() =>
    computeDeadline({
      start: input.receivedAt,
      period: periodOf(input.ruleSet, 'leadVerification'),
      extensions: input.extension
        ? [{ kind: 'standard', length: rule.extension?.length ?? rule.length, unit: rule.extension?.unit ?? rule.unit, ...input.extension }]
        : [],
      pauses: input.pauses,
      calendar: input.calendar,
      today: input.today,
      ruleSet: input.ruleSet,
    }),
  );
  const limits: { source: LeadDueDateSource; dueDate: LocalDate }[] = [{ source: 'statutory', dueDate: statutory.dueDate }];
  if (input.superiorDueDate) limits.push({ source: 'superior', dueDate: input.superiorDueDate });
  if (input.platformDueDate) limits.push({ source: 'platform', dueDate: input.platformDueDate });
  // Stable order: on a tie the statutory date is named, since it is the legal basis.
  const applied = limits.reduce((best, l) => (l.dueDate < best.dueDate ? l : best));
  const external = limits.filter((l) => l.source !== 'statutory').map((l) => l.dueDate).sort()[0];
  let summary = statutory.explanation.summary;
  if (applied.source !== 'statutory') summary += `；${SOURCE_LABEL[applied.source]} ${applied.dueDate} 早于法定期限，按其执行`;
  return {
    dueDate: applied.dueDate,
    source: applied.source,
    statutoryDueDate: statutory.dueDate,
    ...(external ? { externalDueDate: external } : {}),
    // An external date is exact by definition; only the statutory count can be provisional.
    provisional: applied.source === 'statutory' && statutory.provisional,
    paused: statutory.paused,
    ruleUnconfirmed: statutory.ruleUnconfirmed,
    explanation: { ...statutory.explanation, summary, limits, applied: applied.source },
  };
}

/** 告知举报人: 5 working days after the decision (its date not counted). */
export function reporterNoticeDueDate(decidedAt: Instant, ruleSet: RuleSet<'penalty'>, calendar: WorkCalendar): { dueDate: LocalDate; provisional: boolean } {
  const { dueDate, provisional } = rethrowClockError(() =>
    computeDeadline({ start: decidedAt, period: periodOf(ruleSet, 'reporterNotice'), calendar, ruleSet }),
  );
  return { dueDate, provisional };
}

export interface LeadTimeliness {
  overdue: boolean;
  /** Due within `soonDays` working days (today included), not yet overdue. */
  dueSoon: boolean;
  /** Decided on or before the due date; undefined while open and not yet overdue. */
  onTime?: boolean;
  /** Reminders go out on working days only (domain.md §2). */
  remind: boolean;
}

export interface LeadTimelinessInput {
  dueDate: LocalDate;
  decidedAt?: Instant;
  today: Instant;
  calendar: WorkCalendar;
  soonDays?: number;
}

export function leadTimeliness(input: LeadTimelinessInput): LeadTimeliness {
  const today = localDateOf(input.today);
  if (input.decidedAt !== undefined) {
    return { overdue: false, dueSoon: false, onTime: isOnTime(input.decidedAt, input.dueDate), remind: false };
  }
  const overdue = isOverdue(input.dueDate, today);
  const soonLimit = input.calendar.stepWorkingDays(today, input.soonDays ?? 3).date;
  const dueSoon = !overdue && input.dueDate <= soonLimit;
  const remind = (overdue || dueSoon) && input.calendar.isWorkingDay(today);
  return { overdue, dueSoon, ...(overdue ? { onTime: false } : {}), remind };
}
