import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PROJECTED_EVENT_TYPES, type EventEnvelope } from '#libs/contracts';
import type { JetStreamContext } from '#libs/messaging';
import { ProjectionService } from './projection.service.js';

/** The durable consumer's entry: every lead/case/complaint event refreshes that record's facts. */
@Controller()
export class ProjectionHandlers {
  constructor(private readonly projection: ProjectionService) {}

  @EventPattern<string[]>([...PROJECTED_EVENT_TYPES])
  async onRecordEvent(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.projection.apply(ctx.manager, event);
  }
}
