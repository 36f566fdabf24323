import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

export class ComplaintsInit1764500000000 implements MigrationInterface {
  name = 'ComplaintsInit1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    await qr.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY,
        bureau varchar(6) NOT NULL,
        origin_bureau varchar(6) NOT NULL,
        previous_bureaus text[] NOT NULL DEFAULT '{}',
        forwards jsonb NOT NULL DEFAULT '[]',
        online boolean NOT NULL,
        channel varchar(16) NOT NULL,
        status varchar(32) NOT NULL,
        handler varchar(64),
        received_at timestamptz NOT NULL,
        acceptance_start_at timestamptz NOT NULL,
        consumer_name_enc text NOT NULL,
        consumer_phone_enc text NOT NULL,
        consumer_id_number_enc text,
        consumer_address_enc text,
        operator jsonb NOT NULL,
        competent_bureaus text[] NOT NULL DEFAULT '{}',
        jurisdiction_basis text NOT NULL,
        description text NOT NULL,
        amount numeric(14,2),
        accepted boolean,
        refusal_reason varchar(64),
        acceptance_decided_at timestamptz,
        mediation_pauses jsonb NOT NULL DEFAULT '[]',
        mediation_result varchar(16),
        mediation_ended_at timestamptz,
        closed_at timestamptz,
        satisfaction varchar(16),
        satisfaction_score int CHECK (satisfaction_score BETWEEN 1 AND 5),
        rated_at timestamptz,
        odr jsonb,
        violation jsonb,
        rule_set_id varchar(64) NOT NULL,
        rule_set_version int NOT NULL,
        current_due_date date,
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await qr.query(`CREATE INDEX complaints_bureau_status_idx ON complaints (bureau, status, current_due_date)`);
    await qr.query(`CREATE INDEX complaints_previous_bureaus_idx ON complaints USING gin (previous_bureaus)`);
    await qr.query(`CREATE INDEX complaints_handler_idx ON complaints (handler, current_due_date)`);
    await qr.query(`
      CREATE TABLE pii_reads (
        id bigserial PRIMARY KEY,
        complaint_id uuid NOT NULL,
        username varchar(64) NOT NULL,
        role varchar(32) NOT NULL,
        bureau varchar(6) NOT NULL,
        request_id text NOT NULL,
        read_at timestamptz NOT NULL
      )`);
    await qr.query(`CREATE INDEX pii_reads_complaint_idx ON pii_reads (complaint_id, read_at)`);
    await qr.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY,
        bureau varchar(6) NOT NULL,
        online boolean NOT NULL,
        received_at timestamptz NOT NULL,
        title varchar(200) NOT NULL,
        description text,
        subject jsonb NOT NULL,
        reporter_name_enc text NOT NULL,
        reporter_phone_enc text NOT NULL,
        reporter_real_name boolean NOT NULL,
        created_by varchar(64) NOT NULL,
        demo boolean NOT NULL DEFAULT false
      )`);
    await qr.query(`
      CREATE TABLE rule_confirmations (
        rule_set_id varchar(64) NOT NULL,
        version int NOT NULL CHECK (version >= 2),
        periods jsonb NOT NULL,
        confirmed_by varchar(64) NOT NULL,
        confirmed_at timestamptz NOT NULL,
        PRIMARY KEY (rule_set_id, version)
      )`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE rule_confirmations');
    await qr.query('DROP TABLE reports');
    await qr.query('DROP TABLE pii_reads');
    await qr.query('DROP TABLE complaints');
    await qr.query('DROP TABLE calendar_years');
    await dropMessagingTables(qr);
  }
}
