import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grades change with no event when a publication or look-back window ends; each stored grade
 * keeps the date it may next change and a daily sweep regrades those due. Existing grades get
 * their own date, so the first sweep regrades every one of them once and sets the real date.
 */
export class CreditGradeNextChange1766300000000 implements MigrationInterface {
  name = 'CreditGradeNextChange1766300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE operator_grades ADD COLUMN next_change_date date`);
    await qr.query(`UPDATE operator_grades SET next_change_date = as_of`);
    await qr.query(`CREATE INDEX operator_grades_next_change_idx ON operator_grades (next_change_date, uscc) WHERE next_change_date IS NOT NULL`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`DROP INDEX IF EXISTS operator_grades_next_change_idx`);
    await qr.query(`ALTER TABLE operator_grades DROP COLUMN next_change_date`);
  }
}
