import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

export class CasesInit1764600000000 implements MigrationInterface {
  name = 'CasesInit1764600000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    await qr.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        lead_id uuid UNIQUE,
        bureau varchar(6) NOT NULL,
        origin_bureau varchar(6) NOT NULL,
        past_bureaus text[] NOT NULL DEFAULT '{}',
        online boolean NOT NULL,
        procedure varchar(16) NOT NULL CHECK (procedure IN ('ordinary', 'fast_track', 'simplified')),
        status varchar(16) NOT NULL CHECK (status IN ('filed', 'paused', 'decided', 'closed')),
        assignee varchar(64) NOT NULL,
        title text,
        subject jsonb NOT NULL,
        filed_at timestamptz NOT NULL,
        due_date date,
        provisional boolean NOT NULL DEFAULT false,
        rule_set_id varchar(64),
        rule_set_version int,
        extensions jsonb NOT NULL DEFAULT '[]',
        pauses jsonb NOT NULL DEFAULT '[]',
        steps jsonb NOT NULL DEFAULT '[]',
        transfers jsonb NOT NULL DEFAULT '[]',
        dispute jsonb,
        police_transfer jsonb,
        decision jsonb,
        closed_at timestamptz,
        reviews jsonb NOT NULL DEFAULT '[]',
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await qr.query(`CREATE INDEX cases_bureau_status_due_idx ON cases (bureau, status, due_date)`);
    await qr.query(`CREATE INDEX cases_past_bureaus_idx ON cases USING gin (past_bureaus)`);
    await qr.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        type varchar(32) NOT NULL,
        source_url text,
        captured_at timestamptz NOT NULL,
        method varchar(200) NOT NULL,
        captured_by varchar(64) NOT NULL,
        file_name varchar(255) NOT NULL,
        mime_type varchar(255) NOT NULL,
        size int NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        custody jsonb NOT NULL
      )`);
    await qr.query(`CREATE INDEX evidence_case_idx ON evidence (case_id)`);
    await qr.query(`
      CREATE TABLE evidence_upload_parts (
        upload_id uuid NOT NULL,
        index int NOT NULL,
        case_id uuid NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (upload_id, index)
      )`);
    await qr.query(`
      CREATE TABLE soft_measures (
        id uuid PRIMARY KEY,
        operator_uscc varchar(18) NOT NULL,
        kind varchar(32) NOT NULL,
        at timestamptz NOT NULL,
        case_id uuid REFERENCES cases (id),
        note text NOT NULL,
        bureau varchar(6) NOT NULL,
        recorded_by varchar(64) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await qr.query(`CREATE INDEX soft_measures_operator_idx ON soft_measures (operator_uscc, at)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE soft_measures`);
    await qr.query(`DROP TABLE evidence_upload_parts`);
    await qr.query(`DROP TABLE evidence`);
    await qr.query(`DROP TABLE cases`);
    await qr.query(`DROP TABLE calendar_years`);
    await dropMessagingTables(qr);
  }
}
