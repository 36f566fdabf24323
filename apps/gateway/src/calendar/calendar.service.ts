import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addPeriod, validateYearCalendar, type AddPeriodResult, type PeriodUnit, type WorkingDaysBetween, type YearCalendar } from '#libs/clock';
import type { ScopedActor } from '#libs/contracts';
import { ValidationError } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { CALENDAR_YEAR_SET, CalendarProvider, Clock, type CalendarYearSetPayload } from '#libs/service-kit';

/**
 * The working-day calendar as the API shows it. Admin years are stored here and broadcast
 * as `calendar.year_set`, so every service counts with the same calendar.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarProvider,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async workingDays(from: string, to: string): Promise<WorkingDaysBetween> {
    return (await this.calendar.current()).workingDaysBetween(from, to);
  }

  async add(from: string, days: number, kind: PeriodUnit): Promise<AddPeriodResult> {
    return addPeriod(await this.calendar.current(), from, days, kind);
  }

  async years(): Promise<{ knownYears: number[]; overrides: YearCalendar[] }> {
    const current = await this.calendar.current();
    return { knownYears: current.knownYears(), overrides: await this.calendar.overrides() };
  }

  async putYear(year: number, input: Omit<YearCalendar, 'year'>, actor: ScopedActor, requestId: string): Promise<YearCalendar> {
    const calendar: YearCalendar = { year, holidays: input.holidays, workdays: input.workdays };
    const problems = validateYearCalendar(calendar);
    if (problems.length > 0) throw new ValidationError('VALIDATION_FAILED', `${year} 年日历有误：${problems[0]!.message}`, problems);
    const payload: CalendarYearSetPayload = { ...calendar, updatedBy: actor.username };
    await this.dataSource.transaction(async (manager) => {
      await this.calendar.saveYear(manager, payload);
      await appendToOutbox(manager, [
        newEvent(
          { type: CALENDAR_YEAR_SET, aggregateType: 'calendar', aggregateId: String(year), bureau: actor.bureau, actor, payload, correlationId: requestId },
          this.clock.now(),
        ),
      ]);
    });
    return calendar;
  }
}
