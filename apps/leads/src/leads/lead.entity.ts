import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LeadReporter, LeadSubject } from '#libs/contracts';
import type { LeadCaseProcedure, LeadChannel, LeadOutcome, LeadStatus } from '#libs/domain';

/** Where a lead came from; with `sourceRef` it makes intake idempotent. */
export type LeadSourceKind = 'report' | 'complaint' | 'platform_item' | 'external' | 'lead_transfer';

export interface LeadExtensionRecord {
  reason: string;
  approvedBy: string;
  approvedAt: string;
}

/** 违法线索. Dates are Asia/Shanghai local dates; every clock input is stored so the due date can be recomputed. */
@Entity({ name: 'leads' })
export class LeadRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ type: 'varchar', length: 32 })
  channel: LeadChannel;

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: LeadStatus;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb' })
  subject: LeadSubject;

  @Column({ name: 'subject_uscc', type: 'varchar', length: 18, nullable: true })
  subjectUscc: string | null;

  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'jsonb', nullable: true })
  reporter: LeadReporter | null;

  @Column({ type: 'varchar', length: 64 })
  assignee: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'received_date', type: 'date' })
  receivedDate: string;

  @Column({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @Column({ name: 'rule_set_version', type: 'int' })
  ruleSetVersion: number;

  @Column({ name: 'superior_due_date', type: 'date', nullable: true })
  superiorDueDate: string | null;

  @Column({ name: 'platform_due_date', type: 'date', nullable: true })
  platformDueDate: string | null;

  /** Effective due date as of the last change (an open pause is assumed to end on its start date). */
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ name: 'statutory_due_date', type: 'date' })
  statutoryDueDate: string;

  /** Earliest of the superior's and the platform's dates: fixed, a pause never moves it. */
  @Column({ name: 'external_due_date', type: 'date', nullable: true })
  externalDueDate: string | null;

  @Column({ type: 'boolean' })
  provisional: boolean;

  @Column({ type: 'jsonb', nullable: true })
  extension: LeadExtensionRecord | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: LeadOutcome | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'transfer_to', type: 'varchar', length: 100, nullable: true })
  transferTo: string | null;

  @Column({ name: 'transferred_lead_id', type: 'uuid', nullable: true })
  transferredLeadId: string | null;

  @Column({ name: 'merge_into', type: 'uuid', nullable: true })
  mergeInto: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  procedure: LeadCaseProcedure | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'reported_back_at', type: 'timestamptz', nullable: true })
  reportedBackAt: Date | null;

  @Column({ name: 'reporter_notice_due_date', type: 'date', nullable: true })
  reporterNoticeDueDate: string | null;

  @Column({ name: 'reporter_notified_at', type: 'timestamptz', nullable: true })
  reporterNotifiedAt: Date | null;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @Column({ name: 'source_kind', type: 'varchar', length: 16, nullable: true })
  sourceKind: LeadSourceKind | null;

  @Column({ name: 'source_ref', type: 'varchar', length: 100, nullable: true })
  sourceRef: string | null;

  /** Bureau that transferred this lead here (it keeps read-only sight of it). */
  @Column({ name: 'sender_bureau', type: 'varchar', length: 6, nullable: true })
  senderBureau: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
