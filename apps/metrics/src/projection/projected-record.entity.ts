import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The newest snapshot of one lead, case or complaint, as last seen on the event stream. */
@Entity({ name: 'projected_records' })
export class ProjectedRecordRow {
  @PrimaryColumn('text')
  kind: string;

  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column('jsonb')
  snapshot: unknown;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'event_recorded_at' })
  eventRecordedAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
