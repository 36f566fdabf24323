import { computeDeadline, localDateOf, periodOf, type Instant, type LocalDate, type RuleSet, type WorkCalendar } from '#libs/clock';

/** 国务院令第310号 第五条: the file goes to the police within 24 hours of the head's approval. */
export const POLICE_HANDOVER_HOURS = 24;

export interface PoliceTransferTimes {
  reportedAt: Instant;
  approvedAt?: Instant;
  transferredAt?: Instant;
}

export interface PoliceTransferDeadlines {
  /** The head approves within 3 days of the officer's report. */
  approvalDueDate: LocalDate;
  approvalOnTime?: boolean;
  approvalOverdue: boolean;
  /** ISO instant: approval + 24 h. */
  handoverDueAt?: string;
  handoverOnTime?: boolean;
  handoverOverdue: boolean;
}

function ms(instant: Instant): number {
  return new Date(instant).getTime();
}

/** The two 行刑衔接 deadlines, whether each was met, and whether a missing step is already late. */
export function policeTransferDeadlines(
  times: PoliceTransferTimes,
  ruleSet: RuleSet<'penalty'>,
  calendar: WorkCalendar,
  now: Instant,
): PoliceTransferDeadlines {
  const approvalDueDate = computeDeadline({
    start: times.reportedAt,
    period: periodOf(ruleSet, 'policeTransferApproval'),
    calendar,
  }).dueDate;
  const result: PoliceTransferDeadlines = {
    approvalDueDate,
    approvalOverdue: times.approvedAt === undefined && localDateOf(now) > approvalDueDate,
    handoverOverdue: false,
  };
  if (times.approvedAt !== undefined) {
    result.approvalOnTime = localDateOf(times.approvedAt) <= approvalDueDate;
    const due = ms(times.approvedAt) + POLICE_HANDOVER_HOURS * 3_600_000;
    result.handoverDueAt = new Date(due).toISOString();
    if (times.transferredAt !== undefined) result.handoverOnTime = ms(times.transferredAt) <= due;
    else result.handoverOverdue = ms(now) > due;
  }
  return result;
}
