import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BUREAU_SEED } from '#libs/auth';
import { createMessagingTables } from '#libs/messaging';
import { createCalendarTables } from '#libs/service-kit';

export class GatewayInit1764280000000 implements MigrationInterface {
  name = 'GatewayInit1764280000000';

  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createCalendarTables(qr);
    await qr.query(`
      CREATE TABLE bureaus (
        code varchar(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name varchar(100) NOT NULL,
        parent varchar(6) REFERENCES bureaus(code)
      )`);
    await qr.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        password_hash varchar(100) NOT NULL,
        role varchar(32) NOT NULL CHECK (role IN ('officer','complaint_handler','supervisor','admin','integration')),
        bureau varchar(6) NOT NULL REFERENCES bureaus(code),
        display_name varchar(64),
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The shipped tree (domain.md §1) is data: seeded here, extended by admins later.
    for (const b of BUREAU_SEED) {
      await qr.query('INSERT INTO bureaus (code, name, parent) VALUES ($1, $2, $3)', [b.code, b.name, b.parent]);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE users');
    await qr.query('DROP TABLE bureaus');
  }
}
