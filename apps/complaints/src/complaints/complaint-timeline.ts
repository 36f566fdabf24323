import { Injectable } from '@nestjs/common';
import { ruleSetById, type ConfirmedRuleValues, type RuleSet, type WorkCalendar } from '#libs/clock';
import { complaintDeadlines, type ComplaintDeadlines } from '#libs/domain';
import { CalendarProvider } from '#libs/service-kit';
import { RuleSetsService } from '../rule-sets/rule-sets.service.js';
import type { ComplaintRow } from './complaint.entity.js';

export interface TimelineContext {
  confirmations: ConfirmedRuleValues[];
  calendar: WorkCalendar;
}

export interface Timeline {
  rules: RuleSet<'complaint'>;
  deadlines: ComplaintDeadlines;
}

/** A complaint's deadlines from its stored facts, under the rule version it started with. */
@Injectable()
export class ComplaintTimeline {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly calendars: CalendarProvider,
  ) {}

  async context(): Promise<TimelineContext> {
    const [confirmations, calendar] = await Promise.all([this.ruleSets.confirmations(), this.calendars.current()]);
    return { confirmations, calendar };
  }

  compute(row: ComplaintRow, ctx: TimelineContext, now: Date): Timeline {
    const rules = ruleSetById(row.ruleSetId, row.ruleSetVersion, ctx.confirmations) as RuleSet<'complaint'>;
    const deadlines = complaintDeadlines({
      acceptanceStartAt: row.acceptanceStartAt,
      ...(row.accepted && row.acceptanceDecidedAt ? { acceptedAt: row.acceptanceDecidedAt } : {}),
      mediationPauses: row.mediationPauses.map((p) => ({ start: p.startedAt, end: p.endedAt, reason: p.reason, recordedBy: p.recordedBy })),
      ...(row.mediationEndedAt ? { mediationEndedAt: row.mediationEndedAt } : {}),
      ...(row.odr ? { odrRoutedAt: row.odr.routedAt } : {}),
      ...(row.odr?.acceptedAt ? { odrAcceptedAt: row.odr.acceptedAt } : {}),
      ruleSet: rules,
      calendar: ctx.calendar,
      today: now,
    });
    return { rules, deadlines };
  }

  async of(row: ComplaintRow, now: Date): Promise<Timeline> {
    return this.compute(row, await this.context(), now);
  }
}
