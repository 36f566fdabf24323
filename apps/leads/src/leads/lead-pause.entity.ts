import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A period excluded from the lead's clock (不计入期限); at most one open per lead (unique index). */
@Entity({ name: 'lead_pauses' })
export class LeadPauseRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'lead_id', type: 'uuid' })
  leadId: string;

  @Column({ type: 'varchar', length: 40 })
  reason: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy: string;

  @Column({ name: 'ended_by', type: 'varchar', length: 64, nullable: true })
  endedBy: string | null;
}
