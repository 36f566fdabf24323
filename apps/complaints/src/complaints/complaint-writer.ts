import { Injectable } from '@nestjs/common';
import { localDateOf } from '#libs/clock';
import { COMPLAINT_AGGREGATE, type CommandMessage, type ScopedActor } from '#libs/contracts';
import { assertComplaintTransition, currentDueDate, type ComplaintAction } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { HANDLING_ROLES, requireRole, writeAccess } from './access.js';
import type { ComplaintRow } from './complaint.entity.js';
import { toSnapshot } from './complaint-snapshot.js';
import { ComplaintTimeline, type Timeline, type TimelineContext } from './complaint-timeline.js';
import { toComplaintView, type ComplaintView } from './complaint.view.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ConsumerData } from './consumer-data.js';

/** What a change reports: its event (the snapshot is added here) and when it happened. */
export interface ChangeOutcome {
  type: string;
  occurredAt: Date;
  /** A function when the payload depends on the deadlines after the change. */
  payload: Record<string, unknown> | ((after: Timeline) => Record<string, unknown>);
}

/**
 * `ctx` is what the deadlines are computed with, read before the transaction: a change needing
 * the rule confirmations takes them from there, never from the pool while it holds a connection.
 */
export type Change = (row: ComplaintRow, before: Timeline, now: Date, ctx: TimelineContext) => ChangeOutcome | Promise<ChangeOutcome>;

/**
 * The one path for changing a complaint: lock, check access and transition, apply, recompute
 * the running deadline, save and write the event in the same transaction.
 */
@Injectable()
export class ComplaintWriter {
  constructor(
    private readonly repository: ComplaintsRepository,
    private readonly timeline: ComplaintTimeline,
    private readonly consumers: ConsumerData,
    private readonly clock: Clock,
  ) {}

  async change(cmd: CommandMessage<{ id: string }>, action: ComplaintAction, apply: Change, roles = HANDLING_ROLES): Promise<ComplaintView> {
    requireRole(cmd.actor, roles, '此操作');
    const now = this.clock.now();
    const ctx = await this.timeline.context();
    return this.repository.transaction(async (manager) => {
      const row = writeAccess(cmd.actor, await this.repository.lockById(manager, cmd.data.id), cmd.data.id);
      assertComplaintTransition(row.status, action);
      const outcome = await apply(row, this.timeline.compute(row, ctx, now), now, ctx);
      const after = this.timeline.compute(row, ctx, now);
      row.currentDueDate = currentDueDate(row.status, after.deadlines) ?? null;
      await this.repository.save(manager, row);
      await appendToOutbox(manager, [this.event(cmd, row, after, outcome, now)]);
      return this.view(row, after, now);
    });
  }

  async create(cmd: CommandMessage<unknown>, row: ComplaintRow, outcome: Omit<ChangeOutcome, 'occurredAt'>): Promise<ComplaintView> {
    const now = this.clock.now();
    const after = await this.timeline.of(row, now);
    row.currentDueDate = currentDueDate(row.status, after.deadlines) ?? null;
    return this.repository.transaction(async (manager) => {
      await this.repository.insert(manager, row);
      await appendToOutbox(manager, [this.event(cmd, row, after, { ...outcome, occurredAt: row.receivedAt }, now)]);
      return this.view(row, after, now);
    });
  }

  /** Write responses are masked: clear data is only served by the audited detail read. */
  private view(row: ComplaintRow, timeline: Timeline, now: Date): ComplaintView {
    return toComplaintView(row, timeline, this.consumers.masked(row), { masked: true, readOnly: false, today: localDateOf(now) });
  }

  private event(cmd: { actor: ScopedActor; requestId: string }, row: ComplaintRow, timeline: Timeline, outcome: ChangeOutcome, now: Date) {
    const { visibleBureaus: _scope, ...actor } = cmd.actor;
    return newEvent(
      {
        type: outcome.type,
        aggregateType: COMPLAINT_AGGREGATE,
        aggregateId: row.id,
        bureau: row.bureau,
        actor,
        payload: { ...(typeof outcome.payload === 'function' ? outcome.payload(timeline) : outcome.payload), snapshot: toSnapshot(row, timeline) },
        occurredAt: outcome.occurredAt,
        correlationId: cmd.requestId,
      },
      now,
    );
  }
}
