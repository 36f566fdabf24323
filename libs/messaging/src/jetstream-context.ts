import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';

/** Second argument of every `@EventPattern` handler served by `JetStreamEventServer`. */
export interface JetStreamContext {
  /** The transaction that also records the inbox row: do every write through it. */
  manager: EntityManager;
  event: EventEnvelope;
  /** 1 on first delivery. */
  deliveryCount: number;
}

export class JetStreamEventContext extends BaseRpcContext<[EventEnvelope, EntityManager, number]> implements JetStreamContext {
  constructor(
    readonly manager: EntityManager,
    readonly event: EventEnvelope,
    readonly deliveryCount: number,
    readonly subject: string,
    readonly streamSequence: number,
  ) {
    super([event, manager, deliveryCount]);
  }
}
