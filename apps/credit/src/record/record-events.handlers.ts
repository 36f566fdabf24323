import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '#libs/contracts';
import type { JetStreamContext } from '#libs/messaging';
import { CreditProjection } from './credit-projection.js';
import { CreditWriter } from './credit-writer.js';
import { SourceEventsService } from './source-events.service.js';
import { SOURCE_EVENTS, type CaseDecidedEventPayload, type CaseReviewEventPayload, type ComplaintEventPayload, type LeadEventPayload, type SoftMeasureEventPayload } from './source-events.js';

/** Events that build the credit record; every write goes through the consumer's transaction. */
@Controller()
export class RecordEventsHandlers {
  constructor(
    private readonly sources: SourceEventsService,
    private readonly writer: CreditWriter,
  ) {}

  @EventPattern<string>(SOURCE_EVENTS.leadReceived)
  async onLeadReceived(@Payload() event: EventEnvelope<LeadEventPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.sources.leadReceived(ctx.manager, event);
  }

  @EventPattern<string>(SOURCE_EVENTS.caseDecided)
  async onCaseDecided(@Payload() event: EventEnvelope<CaseDecidedEventPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.sources.caseDecided(ctx.manager, event);
  }

  @EventPattern<string>(SOURCE_EVENTS.caseReviewConcluded)
  async onCaseReviewConcluded(@Payload() event: EventEnvelope<CaseReviewEventPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.sources.caseReviewConcluded(ctx.manager, event);
  }

  @EventPattern<string>(SOURCE_EVENTS.softMeasureRecorded)
  async onSoftMeasure(@Payload() event: EventEnvelope<SoftMeasureEventPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.sources.softMeasureRecorded(ctx.manager, event);
  }

  @EventPattern<string[]>([...SOURCE_EVENTS.complaint])
  async onComplaint(@Payload() event: EventEnvelope<ComplaintEventPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.sources.complaintChanged(ctx.manager, event);
  }

  /** Our own events coming back (a no-op) or replayed into an empty database (a rebuild). */
  @EventPattern<string[]>(CreditProjection.TYPES)
  async onOwnEvent(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.writer.applyFromStream(ctx.manager, event);
  }
}
