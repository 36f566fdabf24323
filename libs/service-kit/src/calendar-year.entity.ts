import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarHoliday, CalendarWorkday } from '#libs/clock';

/**
 * An admin's calendar for one year (holidays and adjusted workdays), replacing chinese-days
 * for that year. The gateway owns the original; every service keeps its own copy from the
 * `calendar.year_set` event, so no service reads another's tables.
 */
@Entity({ name: 'calendar_years' })
export class CalendarYearRow {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'jsonb' })
  holidays: CalendarHoliday[];

  @Column({ type: 'jsonb' })
  workdays: CalendarWorkday[];

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export async function createCalendarTables(qr: { query(sql: string): Promise<unknown> }): Promise<void> {
  await qr.query(`
    CREATE TABLE calendar_years (
      year int PRIMARY KEY,
      holidays jsonb NOT NULL,
      workdays jsonb NOT NULL,
      updated_by varchar(64) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
}
