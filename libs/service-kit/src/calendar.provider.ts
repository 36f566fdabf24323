import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkCalendar, type YearCalendar } from '#libs/clock';
import { CalendarYearRow } from './calendar-year.entity.js';

export const CALENDAR_YEAR_SET = 'calendar.year_set';

export interface CalendarYearSetPayload extends YearCalendar {
  updatedBy: string;
}

/**
 * The working-day calendar in force: chinese-days plus this service's copy of admin overrides.
 * It is loaded before the service takes traffic and replaced, never emptied, when a year is
 * set: a command holding a transaction that waited here for a pool connection could otherwise
 * deadlock the pool (every connection in a transaction, all waiting for one more).
 */
@Injectable()
export class CalendarProvider implements OnModuleInit {
  private cached?: Promise<WorkCalendar>;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.current();
  }

  current(): Promise<WorkCalendar> {
    this.cached ??= this.load(this.dataSource.manager).catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  /**
   * Stores an override year inside the caller's transaction and takes the calendar as that
   * transaction sees it, without another connection. A rolled-back call is retried with the
   * same year (events are redelivered until they commit), so the cache converges on it.
   */
  async saveYear(manager: EntityManager, payload: CalendarYearSetPayload): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CalendarYearRow)
      .values({ year: payload.year, holidays: payload.holidays, workdays: payload.workdays, updatedBy: payload.updatedBy })
      .orUpdate(['holidays', 'workdays', 'updated_by', 'updated_at'], ['year'])
      .execute();
    this.cached = Promise.resolve(await this.load(manager));
  }

  async overrides(manager: EntityManager = this.dataSource.manager): Promise<YearCalendar[]> {
    const rows = await manager.getRepository(CalendarYearRow).find({ order: { year: 'ASC' } });
    return rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays }));
  }

  private async load(manager: EntityManager): Promise<WorkCalendar> {
    return WorkCalendar.chineseDays(await this.overrides(manager));
  }
}
