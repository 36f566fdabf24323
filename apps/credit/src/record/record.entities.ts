import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditList, Grade, GradeFactor, ListCategory } from '#libs/domain';
import type { CreditRecordKind, CreditRecordView, CreditRepairView } from '#libs/contracts';

/** One item of the credit record: penalty, soft measure, credit commitment or positive record. */
@Entity({ name: 'credit_records' })
export class CreditRecordRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CreditRecordKind;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'source_key', type: 'varchar', length: 120 })
  sourceKey: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'jsonb', nullable: true })
  penalty: CreditRecordView['penalty'] | null;

  @Column({ name: 'repaired_date', type: 'date', nullable: true })
  repairedDate: string | null;

  @Column({ name: 'voided_date', type: 'date', nullable: true })
  voidedDate: string | null;

  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;
}

/** An entry on 经营异常名录 or 严重违法失信名单, open until its removal date. */
@Entity({ name: 'list_entries' })
export class ListEntryRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 24 })
  list: CreditList;

  @Column({ type: 'varchar', length: 24 })
  category: ListCategory;

  @Column({ name: 'entered_date', type: 'date' })
  enteredDate: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'entered_by', type: 'varchar', length: 64 })
  enteredBy: string;

  @Column({ name: 'removed_date', type: 'date', nullable: true })
  removedDate: string | null;

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason: string | null;
}

/** What credit keeps of a complaint: its operator, receipt and how mediation ended. */
@Entity({ name: 'complaint_facts' })
export class ComplaintFactRow {
  @PrimaryColumn({ name: 'complaint_id', type: 'varchar', length: 64 })
  complaintId: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'received_date', type: 'date' })
  receivedDate: string;

  @Column({ name: 'mediation_result', type: 'varchar', length: 16, nullable: true })
  mediationResult: string | null;

  @Column({ name: 'mediation_ended_date', type: 'date', nullable: true })
  mediationEndedDate: string | null;
}

/** 信用修复 request and its decision. */
@Entity({ name: 'credit_repairs' })
export class CreditRepairRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: CreditRepairView['status'];

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  decision: CreditRepairView['decision'] | null;
}

/** The last grade announced with `credit.graded`: what list filters and changes compare against. */
@Entity({ name: 'operator_grades' })
export class OperatorGradeRow {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'char', length: 1 })
  grade: Grade;

  @Column({ type: 'int' })
  score: number;

  @Column({ name: 'rule_version', type: 'varchar', length: 40 })
  ruleVersion: string;

  @Column({ type: 'jsonb' })
  factors: GradeFactor[];

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  /** The first date after `asOf` the grade may change with no event; the daily sweep regrades from then. */
  @Column({ name: 'next_change_date', type: 'date', nullable: true })
  nextChangeDate: string | null;
}
