import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An admin's settings for one indicator; absent rows fall back to the catalogue defaults. */
@Entity({ name: 'indicator_config' })
export class IndicatorConfigRow {
  @PrimaryColumn('text')
  code: string;

  @Column('numeric', { precision: 7, scale: 2, nullable: true })
  threshold: string | null;

  @Column('text')
  comparator: string;

  @Column('integer', { name: 'minimum_sample' })
  minimumSample: number;

  @Column('numeric', { name: 'national_rate', precision: 5, scale: 2, nullable: true })
  nationalRate: string | null;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
