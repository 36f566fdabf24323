import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, CommandMessage, ScopedActor } from '#libs/contracts';
import { localDateOf, ruleSetFor, type RuleSet, type WorkCalendar } from '#libs/clock';
import { assertCaseAction, IllegalTransitionError, type CaseAction } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { CalendarProvider, Clock } from '#libs/service-kit';
import { CasesConfig } from '../cases.config.js';
import { EvidenceRepository } from '../evidence/evidence.repository.js';
import { assertWritable, caseAccess, eventActor, requireRole } from './case-access.js';
import type { CaseRow } from './case.entity.js';
import { caseDeadline, caseRuleSet, toCaseView, toSnapshot, type CaseView } from './case-view.js';
import { CasesRepository } from './cases.repository.js';

/** An event to emit: its payload gets the case snapshot after the change. */
export interface CaseFact {
  type: string;
  payload: Record<string, unknown>;
  occurredAt?: Date | string;
}

export interface ChangeContext {
  now: Date;
  calendar: WorkCalendar;
  ruleSet: RuleSet<'penalty'>;
  /** The disposition due date before this change. */
  dueDate: string;
  actor: ScopedActor;
  manager: EntityManager;
}

/**
 * The one way a case changes: lock the row, check access and the transition, apply the change,
 * recompute the due date, save, and write the events to the outbox in the same transaction.
 */
@Injectable()
export class CaseChanges {
  constructor(
    private readonly cases: CasesRepository,
    private readonly evidence: EvidenceRepository,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
    private readonly config: CasesConfig,
  ) {}

  async apply(
    msg: CommandMessage<{ id: string }>,
    action: CaseAction,
    change: (row: CaseRow, ctx: ChangeContext) => CaseFact[] | Promise<CaseFact[]>,
  ): Promise<CaseView> {
    requireRole(msg.actor, 'officer', 'supervisor');
    const id = msg.data.id;
    const calendar = await this.calendars.current();
    return this.cases.transaction(async (manager) => {
      const now = this.clock.now();
      const row = assertWritable(await this.cases.lock(manager, id), msg.actor, id);
      assertCaseAction(row.status, action);
      const ruleSet = caseRuleSet(row);
      // A simplified case is born closed; only a review can reach it, and a review needs no clock.
      if (!ruleSet && action !== 'review') throw new IllegalTransitionError(row.status, '简易程序案件没有办案期限');
      const deadline = caseDeadline(row, calendar, now);
      const facts = await change(row, {
        now,
        calendar,
        ruleSet: ruleSet ?? ruleSetFor('penalty', row.filedAt),
        dueDate: deadline?.dueDate ?? localDateOf(row.filedAt),
        actor: msg.actor,
        manager,
      });
      await this.commit(manager, row, facts, msg, calendar, now);
      return this.view(row, msg.actor, calendar, now, manager);
    });
  }

  /** Saves a changed (or new) row with its events; the due date is refreshed first. */
  async commit(
    manager: EntityManager,
    row: CaseRow,
    facts: CaseFact[],
    msg: { actor: Actor; requestId?: string },
    calendar: WorkCalendar,
    now: Date,
  ): Promise<void> {
    const deadline = caseDeadline(row, calendar, now);
    row.dueDate = deadline?.dueDate ?? null;
    row.provisional = deadline?.provisional ?? false;
    await this.cases.save(manager, row);
    const snapshot = toSnapshot(row);
    const events = facts.map((fact) =>
      newEvent(
        {
          type: fact.type,
          aggregateType: 'case',
          aggregateId: row.id,
          bureau: row.bureau,
          actor: eventActor(msg.actor),
          payload: { ...fact.payload, snapshot },
          ...(fact.occurredAt ? { occurredAt: fact.occurredAt } : {}),
          ...(msg.requestId ? { correlationId: msg.requestId } : {}),
        },
        now,
      ),
    );
    await appendToOutbox(manager, events);
  }

  async view(row: CaseRow, actor: ScopedActor, calendar: WorkCalendar, now: Date, manager?: EntityManager): Promise<CaseView> {
    const evidence = await this.evidence.summaries(row.id, manager);
    return toCaseView(row, calendar, now, this.config.REMINDER_WORKING_DAYS, caseAccess(row, actor) !== 'write', evidence);
  }
}
