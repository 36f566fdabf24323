import { Injectable } from '@nestjs/common';
import { ruleSetById, type Pause, type RuleSet, type WorkCalendar } from '#libs/clock';
import { leadClock, leadTimeliness, rethrowClockError, type LeadClock, type LeadTimeliness } from '#libs/domain';
import { CalendarProvider, Clock } from '#libs/service-kit';
import { LeadsConfig } from '../leads.config.js';
import type { LeadPauseRow } from './lead-pause.entity.js';
import type { LeadRow } from './lead.entity.js';

/** Recomputes a lead's clock from what is stored: receipt, rule set, pauses, extension, external dates. */
@Injectable()
export class LeadClockService {
  constructor(
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly config: LeadsConfig,
  ) {}

  calendar(): Promise<WorkCalendar> {
    return this.calendars.current();
  }

  ruleSetOf(row: Pick<LeadRow, 'ruleSetId' | 'ruleSetVersion'>): RuleSet<'penalty'> {
    return rethrowClockError(() => ruleSetById(row.ruleSetId, row.ruleSetVersion)) as RuleSet<'penalty'>;
  }

  compute(row: LeadRow, pauses: LeadPauseRow[], calendar: WorkCalendar, now: Date = this.clock.now()): LeadClock {
    return leadClock({
      receivedAt: row.receivedAt,
      ruleSet: this.ruleSetOf(row),
      calendar,
      pauses: pauses.map(toPause),
      ...(row.extension ? { extension: row.extension } : {}),
      ...(row.superiorDueDate ? { superiorDueDate: row.superiorDueDate } : {}),
      ...(row.platformDueDate ? { platformDueDate: row.platformDueDate } : {}),
      today: now,
    });
  }

  /**
   * compute and timeliness for many leads at one instant (imports, lists, exports): leads with
   * the same inputs (an import's rows share a few receipt dates) share one calendar walk.
   */
  atOnce(calendar: WorkCalendar, now: Date = this.clock.now()): BatchClocks {
    const clocks = new Map<string, LeadClock>();
    const timeliness = new Map<string, LeadTimeliness>();
    return {
      compute: (row, pauses) => {
        const key = JSON.stringify([row.receivedAt.getTime(), row.ruleSetId, row.ruleSetVersion, row.extension, row.superiorDueDate, row.platformDueDate, pauses.map(toPause)]);
        let clock = clocks.get(key);
        if (!clock) clocks.set(key, (clock = this.compute(row, pauses, calendar, now)));
        return clock;
      },
      timeliness: (row, dueDate) => {
        const key = `${dueDate}|${row.decidedAt?.getTime() ?? ''}`;
        let result = timeliness.get(key);
        if (!result) timeliness.set(key, (result = this.timeliness(row, dueDate, calendar, now)));
        return result;
      },
    };
  }

  /** Writes the recomputed dates into the row (the stored copy only serves sorting and filtering). */
  apply(row: LeadRow, clock: LeadClock): void {
    row.dueDate = clock.dueDate;
    row.statutoryDueDate = clock.statutoryDueDate;
    row.externalDueDate = clock.externalDueDate ?? null;
    row.provisional = clock.provisional;
  }

  timeliness(row: LeadRow, dueDate: string, calendar: WorkCalendar, now: Date = this.clock.now()): LeadTimeliness {
    return leadTimeliness({
      dueDate,
      ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
      today: now,
      calendar,
      soonDays: this.config.LEAD_DUE_SOON_WORKING_DAYS,
    });
  }
}

export interface BatchClocks {
  compute(row: LeadRow, pauses: LeadPauseRow[]): LeadClock;
  timeliness(row: LeadRow, dueDate: string): LeadTimeliness;
}

export function toPause(p: LeadPauseRow): Pause {
  return { start: p.startedAt, end: p.endedAt, reason: p.reason, recordedBy: p.recordedBy };
}
