import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SoftMeasureKind } from '#libs/domain';

/** 柔性执法措施 (行政指导, 约谈, 提醒告诫, 警示通报) against an operator, with or without a case. */
@Entity({ name: 'soft_measures' })
export class SoftMeasureRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'operator_uscc', type: 'varchar', length: 18 })
  operatorUscc: string;

  @Column({ type: 'varchar', length: 32 })
  kind: SoftMeasureKind;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
