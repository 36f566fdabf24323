import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintChannel, ComplaintOperatorKind, ComplaintStatus, MediationResult, OdrResult, Satisfaction } from '#libs/domain';

export interface OperatorData {
  uscc?: string;
  name?: string;
  platform?: string;
  storeUrl?: string;
  kind?: ComplaintOperatorKind;
  domicileBureau?: string;
  businessBureau?: string;
  platformDomicileBureau?: string;
  reachable?: boolean;
}

/** A hop between bureaus (移送); the sender keeps read-only sight of the complaint. */
export interface ForwardHop {
  from: string;
  to: string;
  at: string;
  by: string;
}

export interface MediationPause {
  reason: string;
  startedAt: string;
  endedAt: string | null;
  recordedBy: string;
}

export interface OdrData {
  enterprise: string;
  routedAt: string;
  routedBy: string;
  acceptedAt?: string;
  closedAt?: string;
  result?: OdrResult;
}

export interface ViolationData {
  title: string;
  description?: string;
  foundAt: string;
  recordedBy: string;
}

/** 投诉. Personal data columns hold AES-256-GCM ciphertext only. */
@Entity({ name: 'complaints' })
export class ComplaintRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'origin_bureau', type: 'varchar', length: 6 })
  originBureau: string;

  /** Bureaus that forwarded it away: they may still read it. */
  @Column({ name: 'previous_bureaus', type: 'text', array: true, default: () => "'{}'" })
  previousBureaus: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  forwards: ForwardHop[];

  @Column({ type: 'boolean' })
  online: boolean;

  @Column({ type: 'varchar', length: 16 })
  channel: ComplaintChannel;

  @Column({ type: 'varchar', length: 32 })
  status: ComplaintStatus;

  /** Complaint handler working it; null while unassigned (e.g. just forwarded in). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  handler: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** Receipt by the bureau holding it now: the acceptance period runs from here. */
  @Column({ name: 'acceptance_start_at', type: 'timestamptz' })
  acceptanceStartAt: Date;

  @Column({ name: 'consumer_name_enc', type: 'text' })
  consumerNameEnc: string;

  @Column({ name: 'consumer_phone_enc', type: 'text' })
  consumerPhoneEnc: string;

  @Column({ name: 'consumer_id_number_enc', type: 'text', nullable: true })
  consumerIdNumberEnc: string | null;

  @Column({ name: 'consumer_address_enc', type: 'text', nullable: true })
  consumerAddressEnc: string | null;

  @Column({ type: 'jsonb' })
  operator: OperatorData;

  @Column({ name: 'competent_bureaus', type: 'text', array: true, default: () => "'{}'" })
  competentBureaus: string[];

  @Column({ name: 'jurisdiction_basis', type: 'text' })
  jurisdictionBasis: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: { to: (v?: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  amount: number | null;

  @Column({ type: 'boolean', nullable: true })
  accepted: boolean | null;

  @Column({ name: 'refusal_reason', type: 'varchar', length: 64, nullable: true })
  refusalReason: string | null;

  @Column({ name: 'acceptance_decided_at', type: 'timestamptz', nullable: true })
  acceptanceDecidedAt: Date | null;

  @Column({ name: 'mediation_pauses', type: 'jsonb', default: () => "'[]'" })
  mediationPauses: MediationPause[];

  @Column({ name: 'mediation_result', type: 'varchar', length: 16, nullable: true })
  mediationResult: MediationResult | null;

  @Column({ name: 'mediation_ended_at', type: 'timestamptz', nullable: true })
  mediationEndedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ name: 'satisfaction_score', type: 'int', nullable: true })
  satisfactionScore: number | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  odr: OdrData | null;

  @Column({ type: 'jsonb', nullable: true })
  violation: ViolationData | null;

  @Column({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @Column({ name: 'rule_set_version', type: 'int' })
  ruleSetVersion: number;

  /** The running deadline (for lists and the work queue); recomputed on every change. */
  @Column({ name: 'current_due_date', type: 'date', nullable: true })
  currentDueDate: string | null;

  @Column({ type: 'boolean', default: false })
  demo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
