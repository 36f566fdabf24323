import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1764290000000 implements MigrationInterface {
  name = 'AuditLog1764290000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        kind varchar(16) NOT NULL,
        actor varchar(64) NOT NULL,
        role varchar(32) NOT NULL,
        bureau varchar(6) NOT NULL,
        method varchar(8) NOT NULL,
        path varchar(500) NOT NULL,
        status int NOT NULL,
        ip varchar(64) NOT NULL,
        request_id varchar(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    // Append-only: the database itself refuses to change or remove an entry.
    await qr.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$`);
    await qr.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE audit_log');
    await qr.query('DROP FUNCTION audit_log_append_only()');
  }
}
