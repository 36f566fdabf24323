import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CaseProcedure, CaseStatus, CaseStep, DecisionResult, Penalty, ReviewKind } from '#libs/domain';
import type { CaseSubject } from '#libs/contracts';

export interface StoredExtension {
  kind: 'standard' | 'collective';
  length?: number;
  newDueDate?: string;
  reason: string;
  approvedBy: string;
  approvedAt: string;
}

export interface StoredPause {
  reason: string;
  startedAt: string;
  endedAt: string | null;
  recordedBy: string;
}

export interface StoredStep {
  step: CaseStep;
  at: string;
  date: string;
  recordedBy: string;
}

export interface StoredTransfer {
  from: string;
  to: string;
  at: string;
  reason: string;
  by: string;
  kind: 'transfer' | 'designation';
  basis?: string;
}

export interface StoredDispute {
  raisedBy: string;
  otherBureau: string;
  reason: string;
  raisedAt: string;
  consultationDueDate: string;
  resolution?: { kind: 'agreed' | 'designated'; bureau: string; at: string; by: string; withinConsultation: boolean };
}

export interface StoredPoliceTransfer {
  organ: string;
  reason: string;
  reportedAt: string;
  reportedBy: string;
  approvedAt?: string;
  approvedBy?: string;
  transferredAt?: string;
  result?: 'accepted' | 'returned';
  resultAt?: string;
  outcome?: string;
}

export interface StoredDecision {
  result: DecisionResult;
  penalties: Penalty[];
  decidedAt: string;
  decidedBy: string;
}

export interface StoredReview {
  kind: ReviewKind;
  outcome: string;
  procedural: boolean;
  concludedAt: string;
  recordedBy: string;
}

/** A case (案件). Its history lives in the jsonb columns so the whole record moves on transfer. */
@Entity({ name: 'cases' })
export class CaseRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'origin_bureau', type: 'varchar', length: 6 })
  originBureau: string;

  /** Every bureau that has owned the case: senders keep read-only visibility. */
  @Column({ name: 'past_bureaus', type: 'text', array: true, default: () => "'{}'" })
  pastBureaus: string[];

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'varchar', length: 16 })
  procedure: CaseProcedure;

  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 64 })
  assignee: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'jsonb' })
  subject: CaseSubject;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;

  /** Denormalised for lists and queues; the clock recomputes it on read. Null: no clock. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Column({ name: 'rule_set_id', type: 'varchar', length: 64, nullable: true })
  ruleSetId: string | null;

  @Column({ name: 'rule_set_version', type: 'int', nullable: true })
  ruleSetVersion: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  extensions: StoredExtension[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  pauses: StoredPause[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps: StoredStep[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  transfers: StoredTransfer[];

  @Column({ type: 'jsonb', nullable: true })
  dispute: StoredDispute | null;

  @Column({ name: 'police_transfer', type: 'jsonb', nullable: true })
  policeTransfer: StoredPoliceTransfer | null;

  @Column({ type: 'jsonb', nullable: true })
  decision: StoredDecision | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reviews: StoredReview[];

  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
