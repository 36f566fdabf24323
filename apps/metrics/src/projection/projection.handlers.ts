import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PROJECTED_EVENT_TYPES, type EventEnvelope } from '#libs/contracts';
import type { JetStreamContext } from '#libs/messaging';
import type { RecordSnapshot } from './projection.repository.js';
import { ProjectionService } from './projection.service.js';

/**
 * The durable consumer's entry: every lead/case/complaint event refreshes that record's facts.
 * The snapshots of a consumer batch are projected together just before its commit.
 */
@Controller()
export class ProjectionHandlers {
  constructor(private readonly projection: ProjectionService) {}

  @EventPattern<string[]>([...PROJECTED_EVENT_TYPES])
  async onRecordEvent(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    // Read here, so an unreadable snapshot is dead-lettered alone.
    const snapshot = this.projection.snapshotOf(event);
    ctx.beforeCommit('metrics.projection', (): RecordSnapshot[] => [], (batch) => this.projection.project(ctx.manager, batch).then(() => undefined)).push(snapshot);
  }
}
