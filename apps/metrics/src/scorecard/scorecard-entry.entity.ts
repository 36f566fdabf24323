import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An admin's score for a scorecard part that is not computed from records. */
@Entity({ name: 'scorecard_entries' })
export class ScorecardEntryRow {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  bureau: string;

  @PrimaryColumn('integer')
  year: number;

  @PrimaryColumn('text')
  code: string;

  @Column('numeric', { precision: 3, scale: 1 })
  score: string;

  @Column('text')
  source: string;

  @Column('text', { nullable: true })
  evidence: string | null;

  @Column('text', { name: 'entered_by' })
  enteredBy: string;

  @Column('timestamptz', { name: 'entered_at' })
  enteredAt: Date;
}
