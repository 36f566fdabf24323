import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A penalty whose decision was revoked stays in the record, marked void with the date and reason. */
export class CreditRecordVoid1766400000000 implements MigrationInterface {
  name = 'CreditRecordVoid1766400000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE credit_records ADD COLUMN voided_date date, ADD COLUMN void_reason text`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE credit_records DROP COLUMN voided_date, DROP COLUMN void_reason`);
  }
}
