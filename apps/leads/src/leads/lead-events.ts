import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, EventEnvelope } from '#libs/contracts';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import type { LeadRow } from './lead.entity.js';

export interface LeadEventSpec<P> {
  type: string;
  row: LeadRow;
  actor: Actor;
  payload: P;
  occurredAt?: Date | string;
  correlationId?: string;
}

/** Appends lead events to the outbox inside the caller's transaction (never outside it). */
@Injectable()
export class LeadEvents {
  constructor(private readonly clock: Clock) {}

  async append(manager: EntityManager, specs: LeadEventSpec<unknown>[]): Promise<void> {
    await appendToOutbox(manager, this.envelopes(specs));
  }

  /** The events as recorded now, for a caller that appends them later in its transaction. */
  envelopes(specs: LeadEventSpec<unknown>[]): EventEnvelope[] {
    const now = this.clock.now();
    return specs.map((s) =>
      newEvent(
        {
          type: s.type,
          aggregateType: 'lead',
          aggregateId: s.row.id,
          bureau: s.row.bureau,
          actor: { username: s.actor.username, role: s.actor.role, bureau: s.actor.bureau },
          payload: s.payload,
          ...(s.occurredAt !== undefined ? { occurredAt: s.occurredAt } : {}),
          ...(s.correlationId !== undefined ? { correlationId: s.correlationId } : {}),
        },
        now,
      ),
    );
  }
}
