import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import type { BeforeCommitHooks } from './before-commit.js';

/** Second argument of every `@EventPattern` handler served by `JetStreamEventServer`. */
export interface JetStreamContext {
  /** The transaction that also records the inbox row: do every write through it. */
  manager: EntityManager;
  event: EventEnvelope;
  /** 1 on first delivery. */
  deliveryCount: number;
  /**
   * Defers work to the end of the transaction, which may hold a batch of events: returns the
   * state kept under `key` (opened by `start` for the first event that asks), and `flush(state)`
   * runs once after the transaction's last handler, before its commit, through `manager`. If it
   * throws, the transaction rolls back as if the handler had (a batch is then retried one
   * message per transaction, each with fresh state).
   */
  beforeCommit<T>(key: string, start: () => T, flush: (state: T) => Promise<void>): T;
}

export class JetStreamEventContext extends BaseRpcContext<[EventEnvelope, EntityManager, number]> implements JetStreamContext {
  constructor(
    readonly manager: EntityManager,
    readonly event: EventEnvelope,
    readonly deliveryCount: number,
    readonly subject: string,
    readonly streamSequence: number,
    private readonly hooks: BeforeCommitHooks,
  ) {
    super([event, manager, deliveryCount]);
  }

  beforeCommit<T>(key: string, start: () => T, flush: (state: T) => Promise<void>): T {
    return this.hooks.state(key, start, flush);
  }
}
