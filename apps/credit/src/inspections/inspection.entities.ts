import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DrawResult, SupervisionPolicy } from '#libs/domain';

/** A bureau's own sampling ratios and frequencies per grade (差异化监管). */
@Entity({ name: 'inspection_policies' })
export class InspectionPolicyRow {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ type: 'jsonb' })
  policy: SupervisionPolicy;
}

/** A published 双随机 draw with the seed that reproduces it. */
@Entity({ name: 'inspection_draws' })
export class InspectionDrawRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  campaign: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column({ type: 'varchar', length: 200 })
  seed: string;

  @Column({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt: Date;

  @Column({ name: 'drawn_by', type: 'varchar', length: 64 })
  drawnBy: string;

  @Column({ type: 'jsonb' })
  policy: SupervisionPolicy;

  @Column({ type: 'jsonb' })
  result: Pick<DrawResult, 'perGrade' | 'items'>;
}
