import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

export class CreditInit1764400000000 implements MigrationInterface {
  name = 'CreditInit1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    await qr.query(`
      CREATE TABLE operators (
        uscc varchar(18) PRIMARY KEY,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL,
        domicile_bureau varchar(6),
        business_bureau varchar(6),
        first_seen_bureau varchar(6) NOT NULL,
        platform varchar(100),
        store_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
        sector varchar(24) NOT NULL DEFAULT 'general',
        complete boolean NOT NULL,
        registered_from varchar(16) NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await qr.query(`CREATE INDEX operators_domicile_idx ON operators (domicile_bureau)`);
    await qr.query(`CREATE INDEX operators_business_idx ON operators (business_bureau)`);
    await qr.query(`CREATE INDEX operators_first_seen_idx ON operators (first_seen_bureau)`);
    await qr.query(`
      CREATE TABLE credit_records (
        id uuid PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        kind varchar(16) NOT NULL,
        date date NOT NULL,
        bureau varchar(6) NOT NULL,
        source_key varchar(120) NOT NULL UNIQUE,
        description text NOT NULL,
        penalty jsonb,
        repaired_date date
      )`);
    await qr.query(`CREATE INDEX credit_records_uscc_idx ON credit_records (uscc, date)`);
    await qr.query(`
      CREATE TABLE list_entries (
        id uuid PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        list varchar(24) NOT NULL,
        category varchar(24) NOT NULL,
        entered_date date NOT NULL,
        reason text NOT NULL,
        bureau varchar(6) NOT NULL,
        entered_by varchar(64) NOT NULL,
        removed_date date,
        removal_reason text
      )`);
    await qr.query(`CREATE INDEX list_entries_uscc_idx ON list_entries (uscc)`);
    // At most one open entry per operator and list: entering twice is an illegal transition.
    await qr.query(`CREATE UNIQUE INDEX list_entries_open_idx ON list_entries (uscc, list) WHERE removed_date IS NULL`);
    await qr.query(`
      CREATE TABLE complaint_facts (
        complaint_id varchar(64) PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        bureau varchar(6) NOT NULL,
        received_date date NOT NULL,
        mediation_result varchar(16),
        mediation_ended_date date
      )`);
    await qr.query(`CREATE INDEX complaint_facts_uscc_idx ON complaint_facts (uscc)`);
    await qr.query(`
      CREATE TABLE credit_repairs (
        id uuid PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        record_id uuid NOT NULL,
        reason text NOT NULL,
        evidence text,
        status varchar(16) NOT NULL,
        bureau varchar(6) NOT NULL,
        requested_by varchar(64) NOT NULL,
        requested_at timestamptz NOT NULL,
        decision jsonb
      )`);
    await qr.query(`CREATE INDEX credit_repairs_uscc_idx ON credit_repairs (uscc)`);
    await qr.query(`CREATE UNIQUE INDEX credit_repairs_pending_idx ON credit_repairs (record_id) WHERE status = 'pending'`);
    await qr.query(`
      CREATE TABLE operator_grades (
        uscc varchar(18) PRIMARY KEY,
        grade char(1) NOT NULL,
        score int NOT NULL,
        rule_version varchar(40) NOT NULL,
        factors jsonb NOT NULL,
        as_of date NOT NULL
      )`);
    await qr.query(`
      CREATE TABLE inspection_policies (
        bureau varchar(6) PRIMARY KEY,
        policy jsonb NOT NULL
      )`);
    await qr.query(`
      CREATE TABLE inspection_draws (
        id uuid PRIMARY KEY,
        campaign varchar(200) NOT NULL,
        bureau varchar(6) NOT NULL,
        seed varchar(200) NOT NULL,
        drawn_at timestamptz NOT NULL,
        drawn_by varchar(64) NOT NULL,
        policy jsonb NOT NULL,
        result jsonb NOT NULL
      )`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const table of ['inspection_draws', 'inspection_policies', 'operator_grades', 'credit_repairs', 'complaint_facts', 'list_entries', 'credit_records', 'operators', 'calendar_years']) {
      await qr.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
