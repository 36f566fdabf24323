import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, migrate } from '#libs/database';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { CalendarYearRow, createCalendarTables } from './calendar-year.entity.js';
import { CalendarProvider } from './calendar.provider.js';

class CalendarInit1767225600003 implements MigrationInterface {
  async up(qr: QueryRunner): Promise<void> {
    await createCalendarTables(qr);
  }
  async down(): Promise<void> {}
}

const TIMED_OUT = 'timed out: waiting for a second connection';
const within = <T>(ms: number, work: Promise<T>) => Promise.race([work, new Promise<string>((r) => setTimeout(() => r(TIMED_OUT), ms))]);

/**
 * Commands read the calendar while holding a transaction. With every connection of the pool in
 * such a transaction, a calendar still to be read through the pool would wait forever: here
 * the pool has one connection, so any such read shows as a timeout.
 */
describe(CalendarProvider.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sut: CalendarProvider;

  beforeAll(async () => {
    db = await createTestDatabase('calendar_provider');
    const migrator = createServiceDataSource({ url: db.url, schema: 'cal', entities: [CalendarYearRow], migrations: [CalendarInit1767225600003] });
    await migrate(migrator);
    await migrator.destroy();
    dataSource = await createServiceDataSource({ url: db.url, schema: 'cal', entities: [CalendarYearRow], migrations: [], poolSize: 1 }).initialize();
    sut = new CalendarProvider(dataSource);
    await sut.onModuleInit();
  }, 30_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('serves the calendar inside a transaction holding the only connection', async () => {
    const calendar = await within(5_000, dataSource.transaction(() => sut.current()));
    expect(calendar).not.toBe(TIMED_OUT);
    // 2026-10-01 is National Day; 2026-09-30 a working Wednesday.
    expect((calendar as Awaited<ReturnType<CalendarProvider['current']>>).isWorkingDay('2026-09-30')).toBe(true);
  });

  it('takes a year set inside that transaction as the transaction sees it, without another connection', async () => {
    const calendar = await within(
      5_000,
      dataSource.transaction(async (m) => {
        await sut.saveYear(m, { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-01-09' }], updatedBy: 'admin' });
        return sut.current();
      }),
    );
    expect(calendar).not.toBe(TIMED_OUT);
    const c = calendar as Awaited<ReturnType<CalendarProvider['current']>>;
    expect([c.isWorkingDay('2027-01-01'), c.isWorkingDay('2027-01-09')]).toEqual([false, true]);
  });
});
