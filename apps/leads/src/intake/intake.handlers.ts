import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  COMPLAINT_VIOLATION_FOUND,
  REPORT_RECEIVED,
  type ComplaintViolationFoundPayload,
  type EventEnvelope,
  type ReportReceivedPayload,
} from '#libs/contracts';
import { ValidationError } from '#libs/domain';
import { PermanentEventError, type JetStreamContext } from '#libs/messaging';
import { LeadIntakeService, type LeadIntake } from '../leads/lead-intake.service.js';

/**
 * Reports (举报) and complaints revealing a violation become leads. Writes go through the inbox
 * transaction and the source id makes a redelivery a no-op.
 */
@Controller()
export class IntakeHandlers {
  constructor(private readonly intakes: LeadIntakeService) {}

  @EventPattern<string>(REPORT_RECEIVED)
  async onReportReceived(@Payload() event: EventEnvelope<ReportReceivedPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    const p = event.payload;
    await this.record(ctx, event, {
      bureau: p.bureau,
      assignee: event.actor.username,
      channel: 'report',
      online: p.online,
      receivedAt: p.receivedAt,
      title: p.title,
      ...(p.description ? { description: p.description } : {}),
      subject: p.subject ?? {},
      ...(p.reporter ? { reporter: p.reporter } : {}),
      source: { kind: 'report', ref: p.reportId },
      recordedElsewhere: true,
    });
  }

  @EventPattern<string>(COMPLAINT_VIOLATION_FOUND)
  async onViolationFound(@Payload() event: EventEnvelope<ComplaintViolationFoundPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    const p = event.payload;
    await this.record(ctx, event, {
      bureau: p.bureau,
      assignee: event.actor.username,
      channel: 'complaint',
      online: p.online,
      receivedAt: p.foundAt,
      title: p.title,
      ...(p.description ? { description: p.description } : {}),
      subject: p.subject ?? {},
      source: { kind: 'complaint', ref: p.complaintId },
      recordedElsewhere: true,
    });
  }

  private async record(ctx: JetStreamContext, event: EventEnvelope, intake: LeadIntake): Promise<void> {
    if (!intake.source?.ref || !/^\d{6}$/.test(intake.bureau ?? '') || !intake.title) {
      throw new PermanentEventError(`${event.type} ${event.id}: missing source id, bureau or title`);
    }
    try {
      await this.intakes.intake(ctx.manager, event.actor, intake, event.correlationId);
    } catch (error) {
      // Bad data never becomes good on retry: dead-letter it for a person to look at.
      if (error instanceof ValidationError) throw new PermanentEventError(`${event.type} ${event.id}: ${error.message}`, { cause: error });
      throw error;
    }
  }
}
