import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WorkCalendar, type YearCalendar } from '#libs/clock';
import { CalendarYearRow } from './calendar-year.entity.js';

export const CALENDAR_YEAR_SET = 'calendar.year_set';

export interface CalendarYearSetPayload extends YearCalendar {
  updatedBy: string;
}

/** The working-day calendar in force: chinese-days plus this service's copy of admin overrides. */
@Injectable()
export class CalendarProvider {
  private cached?: Promise<WorkCalendar>;

  constructor(private readonly dataSource: DataSource) {}

  current(): Promise<WorkCalendar> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  /** Stores an override year (inside the caller's transaction) and drops the cache. */
  async saveYear(manager: EntityManager, payload: CalendarYearSetPayload): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CalendarYearRow)
      .values({ year: payload.year, holidays: payload.holidays, workdays: payload.workdays, updatedBy: payload.updatedBy })
      .orUpdate(['holidays', 'workdays', 'updated_by', 'updated_at'], ['year'])
      .execute();
    this.cached = undefined;
  }

  async overrides(): Promise<YearCalendar[]> {
    const rows = await this.dataSource.getRepository(CalendarYearRow).find({ order: { year: 'ASC' } });
    return rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays }));
  }

  private async load(): Promise<WorkCalendar> {
    return WorkCalendar.chineseDays(await this.overrides());
  }
}
