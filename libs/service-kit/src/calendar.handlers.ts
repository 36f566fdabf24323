import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '#libs/contracts';
import type { JetStreamContext } from '#libs/messaging';
import { CALENDAR_YEAR_SET, CalendarProvider, type CalendarYearSetPayload } from './calendar.provider.js';

/** Keeps this service's copy of the admin calendar in step with the gateway's. */
@Controller()
export class CalendarHandlers {
  constructor(private readonly calendar: CalendarProvider) {}

  @EventPattern<string>(CALENDAR_YEAR_SET)
  async onYearSet(@Payload() event: EventEnvelope<CalendarYearSetPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.calendar.saveYear(ctx.manager, event.payload);
  }
}
