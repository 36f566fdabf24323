import type { MigrationInterface, QueryRunner } from 'typeorm';

/** NOTIFY channel of a schema's outbox; the relay LISTENs on it to publish without waiting for its poll. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`.slice(0, 63);
}

/**
 * Outbox and inbox tables, created by each service's first migration. Names are unqualified:
 * the service DataSource pins `search_path` to its own schema.
 */
export async function createMessagingTables(qr: QueryRunner): Promise<void> {
  await qr.query(`
    CREATE TABLE IF NOT EXISTS outbox (
      id uuid PRIMARY KEY,
      type text NOT NULL,
      subject text NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  // The relay only ever reads unpublished rows; published ones stay for audit without slowing it.
  await qr.query(`CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (created_at, id) WHERE published_at IS NULL`);
  await qr.query(`
    CREATE TABLE IF NOT EXISTS inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  // NOTIFY is delivered only on commit, so the relay never wakes for a row it cannot see yet.
  await qr.query(`
    CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify(left('outbox_' || TG_TABLE_SCHEMA, 63), '');
      RETURN NULL;
    END $$`);
  await qr.query(`DROP TRIGGER IF EXISTS outbox_notify ON outbox`);
  await qr.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
}

/**
 * Attempts at an event after its first delivery, one row per event being retried, committed
 * before each attempt so that one a process died in still counts. The server's delivery count
 * cannot serve: it also counts deliveries that waited in a busy consumer's buffer past the ack
 * wait and were never attempted. The row goes with the handler's commit; a dead-lettered
 * event's stays, with its count.
 */
export async function createInboxAttemptTable(qr: QueryRunner): Promise<void> {
  await qr.query(`
    CREATE TABLE IF NOT EXISTS inbox_attempt (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      attempts integer NOT NULL DEFAULT 1,
      PRIMARY KEY (consumer, event_id)
    )`);
}

/** The migration adding `inbox_attempt` to a service created before it; each service schema runs it once. */
export class InboxAttempts1766500000000 implements MigrationInterface {
  name = 'InboxAttempts1766500000000';

  async up(qr: QueryRunner): Promise<void> {
    await createInboxAttemptTable(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP TABLE IF EXISTS inbox_attempt`);
  }
}

/** Reverse of `createMessagingTables`, for a migration's `down`. */
export async function dropMessagingTables(qr: QueryRunner): Promise<void> {
  await qr.query(`DROP TABLE IF EXISTS outbox`);
  await qr.query(`DROP TABLE IF EXISTS inbox`);
  await qr.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
}
