import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { appendToOutbox } from '#libs/messaging';
import { CreditProjection } from './credit-projection.js';
import { GradingService } from './grading.service.js';

/**
 * The one way credit changes state: apply its events, regrade the operators they touch and
 * write everything to the outbox, all inside the caller's transaction.
 */
@Injectable()
export class CreditWriter {
  constructor(
    private readonly projection: CreditProjection,
    private readonly grading: GradingService,
  ) {}

  async publish(m: EntityManager, events: EventEnvelope[]): Promise<void> {
    const graded = await this.applyAndRegrade(m, events);
    await appendToOutbox(m, [...events, ...graded]);
  }

  /** For an event that is already in the stream (our own, coming back or replayed). */
  async applyFromStream(m: EntityManager, event: EventEnvelope): Promise<void> {
    await appendToOutbox(m, await this.applyAndRegrade(m, [event]));
  }

  /** After a change made outside the projection (a complaint fact), in the consumer's transaction. */
  async regrade(m: EntityManager, uscc: string, cause: EventEnvelope): Promise<void> {
    const event = await this.grading.regrade(m, uscc, cause);
    if (event) await appendToOutbox(m, [event]);
  }

  private async applyAndRegrade(m: EntityManager, events: EventEnvelope[]): Promise<EventEnvelope[]> {
    const touched = new Map<string, EventEnvelope>();
    for (const event of events) {
      const uscc = await this.projection.apply(m, event);
      if (uscc) touched.set(uscc, event);
    }
    return this.grading.regradeAll(m, [...touched.keys()], (uscc) => touched.get(uscc)!);
  }
}
