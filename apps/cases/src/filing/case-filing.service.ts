import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CASE_EVENTS, type CommandMessage, type EventEnvelope, type LeadDecidedPayload, type SimplifiedCaseDto } from '#libs/contracts';
import { ruleSetFor } from '#libs/clock';
import { validateSimplifiedPenalties } from '#libs/domain';
import { PermanentEventError } from '#libs/messaging';
import { CalendarProvider, Clock } from '#libs/service-kit';
import { instantOf, isUuid, requireRole } from '../cases/case-access.js';
import { CaseChanges, type CaseFact } from '../cases/case-changes.js';
import { CaseRow } from '../cases/case.entity.js';
import type { CaseView } from '../cases/case-view.js';
import { CasesRepository } from '../cases/cases.repository.js';

export type NewCase = Pick<CaseRow, 'id' | 'bureau' | 'online' | 'procedure' | 'assignee' | 'subject' | 'filedAt'> & Partial<CaseRow>;

/** A full row for a new case; history columns start empty. */
export function newCaseRow(init: NewCase): CaseRow {
  const ruleSet = init.procedure === 'simplified' ? null : ruleSetFor('penalty', init.filedAt);
  return Object.assign(new CaseRow(), {
    leadId: null,
    originBureau: init.bureau,
    pastBureaus: [],
    status: 'filed',
    title: null,
    dueDate: null,
    provisional: false,
    ruleSetId: ruleSet?.id ?? null,
    ruleSetVersion: ruleSet?.version ?? null,
    extensions: [],
    pauses: [],
    steps: [],
    transfers: [],
    dispute: null,
    policeTransfer: null,
    decision: null,
    closedAt: null,
    reviews: [],
    demo: false,
    ...init,
  });
}

export function filedFact(row: CaseRow): CaseFact {
  return {
    type: CASE_EVENTS.filed,
    payload: { ...(row.leadId ? { leadId: row.leadId } : {}), procedure: row.procedure, filedAt: row.filedAt.toISOString(), subject: row.subject },
    occurredAt: row.filedAt,
  };
}

/** 立案: from a lead's `file_case` decision (exactly once), or a simplified on-the-spot decision. */
@Injectable()
export class CaseFilingService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly calendars: CalendarProvider,
    private readonly clock: Clock,
  ) {}

  /** Idempotent twice over: the inbox skips a redelivered event, the primary key a re-sent decision. */
  async fileFromLead(event: EventEnvelope<LeadDecidedPayload>, manager: EntityManager): Promise<void> {
    const p = event.payload;
    if (p?.outcome !== 'file_case') return;
    const lead = p.snapshot;
    const filedAt = new Date(p.decidedAt);
    if (!isUuid(p.caseId) || !lead?.bureau || Number.isNaN(filedAt.getTime())) {
      throw new PermanentEventError(`lead.decided ${event.id}: file_case without a valid caseId, snapshot or decidedAt`);
    }
    const row = newCaseRow({
      id: p.caseId,
      leadId: isUuid(lead.id) ? lead.id : null,
      bureau: lead.bureau,
      online: lead.online,
      procedure: p.procedure === 'fast_track' ? 'fast_track' : 'ordinary',
      assignee: lead.assignee || event.actor.username,
      title: lead.title ?? null,
      subject: p.subject ?? { ...(lead.subjectUscc ? { uscc: lead.subjectUscc } : {}), ...(lead.subjectName ? { name: lead.subjectName } : {}) },
      filedAt,
    });
    if (!(await this.cases.insertIfAbsent(manager, row))) return;
    await this.changes.commit(manager, row, [filedFact(row)], { actor: event.actor, ...(event.correlationId ? { requestId: event.correlationId } : {}) }, await this.calendars.current(), this.clock.now());
  }

  /** 简易程序: decided on the spot, so it is recorded closed, with no clock. */
  async createSimplified(msg: CommandMessage<SimplifiedCaseDto>): Promise<CaseView> {
    requireRole(msg.actor, 'officer', 'supervisor');
    const now = this.clock.now();
    const penalties = validateSimplifiedPenalties(msg.data.penalties);
    const decidedAt = instantOf(msg.data.decidedAt, 'decidedAt', now);
    const row = newCaseRow({
      id: uuidv7({ msecs: now.getTime() }),
      bureau: msg.actor.bureau,
      online: msg.data.online ?? true,
      procedure: 'simplified',
      assignee: msg.actor.username,
      subject: msg.data.subject,
      filedAt: decidedAt,
      status: 'closed',
      decision: { result: 'penalty', penalties, decidedAt: decidedAt.toISOString(), decidedBy: msg.actor.username },
      closedAt: decidedAt,
    });
    return (await this.record(row, msg, now)).view;
  }

  /**
   * Saves a new case with its filed (and, when already decided/closed, decided and closed) events;
   * a case whose id exists is left as it is, so re-running a seed adds nothing twice.
   */
  async record(row: CaseRow, msg: CommandMessage<unknown>, now: Date): Promise<{ view: CaseView; created: boolean }> {
    const calendar = await this.calendars.current();
    return this.cases.transaction(async (manager) => {
      if (!(await this.cases.insertIfAbsent(manager, row))) {
        const existing = (await this.cases.find(row.id, manager))!;
        return { view: await this.changes.view(existing, msg.actor, calendar, now, manager), created: false };
      }
      const facts = [filedFact(row)];
      if (row.decision) {
        const d = row.decision;
        facts.push({ type: CASE_EVENTS.decided, payload: { result: d.result, penalties: d.penalties, decidedAt: d.decidedAt, subject: row.subject }, occurredAt: d.decidedAt });
      }
      if (row.closedAt) facts.push({ type: CASE_EVENTS.closed, payload: { closedAt: row.closedAt.toISOString() }, occurredAt: row.closedAt });
      await this.changes.commit(manager, row, facts, msg, calendar, now);
      return { view: await this.changes.view(row, msg.actor, calendar, now, manager), created: true };
    });
  }
}
