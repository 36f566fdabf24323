import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransferTables, dropTransferTables } from '#libs/service-kit';

/** Import files and export/report replies larger than one NATS message travel in parts. */
export class LeadsTransfers1764700000000 implements MigrationInterface {
  name = 'LeadsTransfers1764700000000';

  async up(qr: QueryRunner): Promise<void> {
    await createTransferTables(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await dropTransferTables(qr);
  }
}
