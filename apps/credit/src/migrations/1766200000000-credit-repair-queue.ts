import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The repair queue (GET /credit-repairs) filters by status and pages in request order. */
export class CreditRepairQueue1766200000000 implements MigrationInterface {
  name = 'CreditRepairQueue1766200000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE INDEX credit_repairs_status_idx ON credit_repairs (status, requested_at, id)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX IF EXISTS credit_repairs_status_idx`);
  }
}
