import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLLUP_FROM_FACTS_SQL } from '../projection/indicator-rollup.js';

/**
 * The yearly grain of the indicator rollup (issue #8 P3): a city's year was some 4,000 monthly
 * rows, most of them open items by due month and 17.1 items by decision day; by year it is a
 * third of that. Kept in the transaction that changes the facts, like the other grains; filled
 * from the facts already there.
 */
export class IndicatorYearRollup1766000000000 implements MigrationInterface {
  name = 'IndicatorYearRollup1766000000000';

  async up(qr: QueryRunner): Promise<void> {
    // As the other grains (1765200000000): NULLS NOT DISTINCT key, INCLUDE (n) for index-only sums.
    await qr.query(`
      CREATE TABLE indicator_year_counts (
        indicator text NOT NULL,
        bureau varchar(6) NOT NULL,
        channel text NOT NULL,
        place_year date NOT NULL,
        except_in date,
        status text NOT NULL CHECK (status IN ('on_time', 'late', 'missing', 'open', 'not_counted')),
        open_due date,
        n integer NOT NULL,
        CONSTRAINT indicator_year_counts_key UNIQUE NULLS NOT DISTINCT (indicator, bureau, place_year, channel, status, except_in, open_due) INCLUDE (n)
      )`);
    await qr.query(`INSERT INTO indicator_year_counts (indicator, bureau, channel, place_year, except_in, status, open_due, n) ${ROLLUP_FROM_FACTS_SQL.year}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE IF EXISTS indicator_year_counts`);
  }
}
