import type { Instant } from './instant.js';
import type { LocalDate } from './local-date.js';
import type { WorkCalendar } from './work-calendar.js';

/** `working`: N-th working day strictly after; `calendar`: D + N, final day moved to a working day. */
export type PeriodUnit = 'working' | 'calendar';

export interface Period {
  length: number;
  unit: PeriodUnit;
}

/** An approved extension lengthening the period (延长); `unit` defaults to the period's unit. */
export interface StandardExtension {
  kind?: 'standard';
  length: number;
  unit?: PeriodUnit;
  reason: string;
  approvedBy: string;
  approvedAt?: Instant;
}

/**
 * A collective decision (负责人集体讨论) setting an explicit new due date. The date is final:
 * pauses do not move it; a later pause needs a new decision.
 */
export interface CollectiveExtension {
  kind: 'collective';
  newDueDate: LocalDate;
  reason: string;
  approvedBy: string;
  approvedAt?: Instant;
}

export type Extension = StandardExtension | CollectiveExtension;

/** A pause (时限中止 / 不计入期限) excluding whole local dates `start`..`end`; no `end` = still running. */
export interface Pause {
  start: Instant;
  end?: Instant | null;
  reason: string;
  recordedBy?: string;
}

/** The rule set a record started under (see rule-sets.ts); a full `RuleSet` fits. */
export interface RuleSetRef {
  id: string;
  version: number;
  unconfirmed?: boolean;
}

export interface DeadlineInput {
  /** The triggering event (receipt, filing, acceptance…); its local date is not counted. */
  start: Instant;
  period: Period;
  extensions?: Extension[];
  pauses?: Pause[];
  calendar: WorkCalendar;
  /** Needed only when a pause is still open: the open pause is taken to run up to today. */
  today?: Instant;
  ruleSet?: RuleSetRef;
  /** Zone for turning instants into local dates; Asia/Shanghai. */
  timeZone?: string;
}

export type SkipReason = 'weekend' | 'holiday';

export interface DayRun {
  from: LocalDate;
  to: LocalDate;
  days: number;
  reason: SkipReason | 'pause';
  /** Holiday name, or the pause's reason. */
  name?: string;
}

export type DeadlineSegment =
  | { kind: 'start'; date: LocalDate }
  | { kind: 'counted'; from: LocalDate; to: LocalDate; count: number; unit: PeriodUnit; runningTotal: number }
  | { kind: 'skipped'; from: LocalDate; to: LocalDate; days: number; reason: SkipReason; name?: string }
  | {
      kind: 'pause';
      from: LocalDate;
      to: LocalDate;
      days: number;
      /** Days of this run the clock would otherwise have counted. */
      notCounted: number;
      unit: PeriodUnit;
      reason: string;
      recordedBy?: string;
      open: boolean;
    }
  | {
      kind: 'extension';
      after: LocalDate;
      length: number;
      unit: PeriodUnit;
      reason: string;
      approvedBy: string;
      approvedAt?: LocalDate;
    }
  | { kind: 'final_day_moved'; from: LocalDate; to: LocalDate; over: DayRun[] }
  | {
      kind: 'collective_extension';
      replaces: LocalDate;
      newDueDate: LocalDate;
      reason: string;
      approvedBy: string;
      approvedAt?: LocalDate;
    };

/** "Why this date": enough to reproduce and to show the due date to an officer. */
export interface DeadlineExplanation {
  start: LocalDate;
  period: Period;
  /** Total length per unit after standard extensions, e.g. `{ working: 30 }`. */
  totalLength: Partial<Record<PeriodUnit, number>>;
  segments: DeadlineSegment[];
  ruleSet: RuleSetRef | null;
  ruleUnconfirmed: boolean;
  provisional: boolean;
  /** One zh-CN sentence for the UI. */
  summary: string;
}

export interface DeadlineResult {
  dueDate: LocalDate;
  /** Some day the count relied on lies in a year the calendar does not know (weekends only). */
  provisional: boolean;
  /** A pause is still open: the due date assumes it ends `today` and moves on while it runs. */
  paused: boolean;
  ruleUnconfirmed: boolean;
  explanation: DeadlineExplanation;
}

export interface AddPeriodResult {
  dueDate: LocalDate;
  provisional: boolean;
}
