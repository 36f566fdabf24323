import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1765300000000 implements MigrationInterface {
  name = 'ApiKeys1765300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL REFERENCES users (username),
        label varchar(100) NOT NULL,
        lookup char(16) NOT NULL UNIQUE,
        secret_hash char(64) NOT NULL,
        created_by varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by varchar(64)
      )`);
    await qr.query('CREATE INDEX api_keys_username ON api_keys (username)');
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE api_keys');
  }
}
