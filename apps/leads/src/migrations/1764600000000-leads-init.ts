import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

export class LeadsInit1764600000000 implements MigrationInterface {
  name = 'LeadsInit1764600000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    await qr.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY,
        bureau varchar(6) NOT NULL CHECK (bureau ~ '^[0-9]{6}$'),
        channel varchar(32) NOT NULL CHECK (channel IN ('platform_monitoring','report','assigned','supervised','inspection','transfer_in','complaint')),
        online boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('received','verifying','paused','decided','reported_back')),
        title varchar(200) NOT NULL,
        description text,
        subject jsonb NOT NULL,
        subject_uscc varchar(18),
        subject_key text NOT NULL,
        fingerprint text NOT NULL,
        reporter jsonb,
        assignee varchar(64) NOT NULL,
        received_at timestamptz NOT NULL,
        received_date date NOT NULL,
        rule_set_id varchar(64) NOT NULL,
        rule_set_version int NOT NULL,
        superior_due_date date,
        platform_due_date date,
        due_date date NOT NULL,
        statutory_due_date date NOT NULL,
        external_due_date date,
        provisional boolean NOT NULL,
        extension jsonb,
        outcome varchar(16) CHECK (outcome IN ('file_case','no_case','transfer','merge')),
        decided_at timestamptz,
        decided_by varchar(64),
        decision_reason text,
        transfer_to varchar(100),
        transferred_lead_id uuid,
        merge_into uuid REFERENCES leads(id),
        procedure varchar(16),
        case_id uuid UNIQUE,
        reported_back_at timestamptz,
        reporter_notice_due_date date,
        reporter_notified_at timestamptz,
        duplicate_of uuid REFERENCES leads(id),
        source_kind varchar(16),
        source_ref varchar(100),
        sender_bureau varchar(6),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome IS NULL) = (decided_at IS NULL)),
        CHECK (outcome <> 'file_case' OR case_id IS NOT NULL)
      )`);
    // Intake is idempotent on the source's id: a redelivered event or a re-imported row finds the lead.
    await qr.query(`CREATE UNIQUE INDEX leads_source_uq ON leads (source_kind, source_ref) WHERE source_ref IS NOT NULL`);
    await qr.query(`CREATE INDEX leads_bureau_due_idx ON leads (bureau, status, due_date)`);
    await qr.query(`CREATE INDEX leads_sender_idx ON leads (sender_bureau) WHERE sender_bureau IS NOT NULL`);
    await qr.query(`CREATE INDEX leads_duplicate_idx ON leads (bureau, subject_key, fingerprint, received_at)`);
    await qr.query(`CREATE INDEX leads_decided_idx ON leads (bureau, decided_at)`);
    await qr.query(`
      CREATE TABLE lead_pauses (
        id uuid PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES leads(id),
        reason varchar(40) NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        recorded_by varchar(64) NOT NULL,
        ended_by varchar(64),
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      )`);
    await qr.query(`CREATE UNIQUE INDEX lead_pauses_one_open_uq ON lead_pauses (lead_id) WHERE ended_at IS NULL`);
    await qr.query(`CREATE INDEX lead_pauses_lead_idx ON lead_pauses (lead_id, started_at)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE lead_pauses');
    await qr.query('DROP TABLE leads');
    await qr.query('DROP TABLE calendar_years');
    await dropMessagingTables(qr);
  }
}
