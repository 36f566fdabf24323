import {
  computeDeadline,
  periodOf,
  type DeadlineResult,
  type Instant,
  type LocalDate,
  type ComplaintPeriodKey,
  type Pause,
  type RuleSet,
  type WorkCalendar,
} from '#libs/clock';
import type { ComplaintStatus } from './complaint-status.js';

export interface ComplaintClockInput {
  /**
   * Receipt by the bureau with jurisdiction: the original receipt, or the forward's arrival
   * (the 7 WD acceptance period restarts at the receiving bureau, 暂行办法 第十四条).
   */
  acceptanceStartAt: Instant;
  acceptedAt?: Instant;
  /** Testing/appraisal pauses of the mediation period (检测、鉴定时间不计入). */
  mediationPauses?: Pause[];
  mediationEndedAt?: Instant;
  /** ODR member enterprise handling: same 7 WD / 45 WD periods, from routing and its acceptance. */
  odrRoutedAt?: Instant;
  odrAcceptedAt?: Instant;
  ruleSet: RuleSet<'complaint'>;
  calendar: WorkCalendar;
  /** Needed while a pause is open. */
  today: Instant;
}

export interface ComplaintDeadlines {
  acceptance: DeadlineResult;
  mediation?: DeadlineResult;
  terminationNotice?: DeadlineResult;
  odrAcceptance?: DeadlineResult;
  odrClosure?: DeadlineResult;
}

/** Every statutory date of one complaint, each explainable ("why this date"). */
export function complaintDeadlines(input: ComplaintClockInput): ComplaintDeadlines {
  const { ruleSet, calendar, today } = input;
  const deadline = (start: Instant, key: ComplaintPeriodKey, pauses: Pause[] = []) =>
    computeDeadline({ start, period: periodOf(ruleSet, key), pauses, calendar, today, ruleSet });
  return {
    acceptance: deadline(input.acceptanceStartAt, 'acceptance'),
    ...(input.acceptedAt ? { mediation: deadline(input.acceptedAt, 'mediation', input.mediationPauses) } : {}),
    ...(input.mediationEndedAt ? { terminationNotice: deadline(input.mediationEndedAt, 'mediationTerminationNotice') } : {}),
    ...(input.odrRoutedAt ? { odrAcceptance: deadline(input.odrRoutedAt, 'acceptance') } : {}),
    ...(input.odrAcceptedAt ? { odrClosure: deadline(input.odrAcceptedAt, 'mediation') } : {}),
  };
}

/** The deadline the handler is working against now, or undefined when nothing is running. */
export function currentDueDate(status: ComplaintStatus, d: ComplaintDeadlines): LocalDate | undefined {
  switch (status) {
    case 'received':
      return d.acceptance.dueDate;
    case 'mediating':
    case 'paused':
      return d.mediation?.dueDate;
    case 'mediation_ended':
      return d.terminationNotice?.dueDate;
    case 'odr_routed':
      return d.odrAcceptance?.dueDate;
    case 'odr_accepted':
      return d.odrClosure?.dueDate;
    default:
      return undefined;
  }
}
