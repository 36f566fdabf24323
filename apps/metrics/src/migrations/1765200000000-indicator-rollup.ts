import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_FROM_FACTS_SQL, ROLLUP_TABLES } from '../projection/indicator-rollup.js';

/**
 * The indicator rollup (issue #6 "fast whatever the history"): counts kept in the transaction that
 * changes the facts, read by the figures instead of the facts. Filled from the facts already there.
 */
export class IndicatorRollup1765200000000 implements MigrationInterface {
  name = 'IndicatorRollup1765200000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month'] as const) {
      const { table, place } = ROLLUP_TABLES[grain];
      // NULLS NOT DISTINCT: except_in/open_due are part of the key and mostly NULL.
      // INCLUDE (n): a period's sum is an index-only range scan on (indicator, bureau, place).
      // No CHECK (n >= 0): it would refuse a decrement before ON CONFLICT applies it; the writer checks instead.
      await qr.query(`
        CREATE TABLE ${table} (
          indicator text NOT NULL,
          bureau varchar(6) NOT NULL,
          channel text NOT NULL,
          ${place} date NOT NULL,
          except_in date,
          status text NOT NULL CHECK (status IN ('on_time', 'late', 'missing', 'open', 'not_counted')),
          open_due date,
          n integer NOT NULL,
          CONSTRAINT ${table}_key UNIQUE NULLS NOT DISTINCT (indicator, bureau, ${place}, channel, status, except_in, open_due) INCLUDE (n)
        )`);
      await qr.query(`INSERT INTO ${table} (indicator, bureau, channel, ${place}, except_in, status, open_due, n) ${ROLLUP_FROM_FACTS_SQL[grain]}`);
    }
    // Open items due from the start of today's month: the figures ask the daily grain about them.
    await qr.query(`
      CREATE INDEX indicator_day_counts_open_idx ON indicator_day_counts (indicator, bureau, open_due)
        INCLUDE (place_date, except_in, channel, n) WHERE status = 'open'`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const grain of ['day', 'month'] as const) await qr.query(`DROP TABLE IF EXISTS ${ROLLUP_TABLES[grain].table}`);
  }
}
