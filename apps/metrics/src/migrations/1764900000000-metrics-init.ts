import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

/** Indicator projection (records + facts), indicator settings and scorecard entries. */
export class MetricsInit1764900000000 implements MigrationInterface {
  name = 'MetricsInit1764900000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    // Latest snapshot per record; (event_recorded_at, event_id) keeps a late redelivery from regressing it.
    await qr.query(`
      CREATE TABLE projected_records (
        kind text NOT NULL,
        id text NOT NULL,
        bureau varchar(6) NOT NULL,
        snapshot jsonb NOT NULL,
        event_id uuid NOT NULL,
        event_recorded_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`);
    await qr.query(`
      CREATE TABLE indicator_facts (
        indicator text NOT NULL,
        item_key text NOT NULL,
        measure text NOT NULL,
        record_id text NOT NULL,
        record_kind text NOT NULL,
        bureau varchar(6) NOT NULL,
        channel text NOT NULL,
        officer text NOT NULL,
        period_date date NOT NULL,
        alt_period_date date,
        due_date date,
        done_date date,
        favourable boolean,
        PRIMARY KEY (indicator, item_key)
      )`);
    // Figures read (indicator, bureau, date range) and classify from the included columns: index-only scans.
    await qr.query(`
      CREATE INDEX indicator_facts_period_idx ON indicator_facts (indicator, bureau, period_date)
        INCLUDE (measure, due_date, done_date, favourable, alt_period_date)`);
    await qr.query(`
      CREATE INDEX indicator_facts_alt_period_idx ON indicator_facts (indicator, bureau, alt_period_date)
        INCLUDE (measure, due_date, done_date, favourable, period_date) WHERE alt_period_date IS NOT NULL`);
    await qr.query(`CREATE INDEX indicator_facts_record_idx ON indicator_facts (record_kind, record_id)`);
    await qr.query(`CREATE INDEX indicator_facts_done_idx ON indicator_facts (indicator, bureau, done_date) WHERE done_date IS NOT NULL`);
    await qr.query(`
      CREATE TABLE indicator_config (
        code text PRIMARY KEY,
        threshold numeric(7,2),
        comparator text NOT NULL,
        minimum_sample integer NOT NULL,
        national_rate numeric(5,2),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await qr.query(`
      CREATE TABLE scorecard_entries (
        bureau varchar(6) NOT NULL,
        year integer NOT NULL,
        code text NOT NULL,
        score numeric(3,1) NOT NULL,
        source text NOT NULL,
        evidence text,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bureau, year, code)
      )`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['scorecard_entries', 'indicator_config', 'indicator_facts', 'projected_records', 'calendar_years']) {
      await qr.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
