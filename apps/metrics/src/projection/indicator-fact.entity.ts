import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One item counted by one indicator (IndicatorFact of #libs/domain); queried with raw SQL aggregates. */
@Entity({ name: 'indicator_facts' })
export class IndicatorFactRow {
  @PrimaryColumn('text')
  indicator: string;

  @PrimaryColumn('text', { name: 'item_key' })
  itemKey: string;

  @Column('text')
  measure: string;

  @Column('text', { name: 'record_id' })
  recordId: string;

  @Column('text', { name: 'record_kind' })
  recordKind: string;

  @Column({ type: 'varchar', length: 6 })
  bureau: string;

  @Column('text')
  channel: string;

  @Column('text')
  officer: string;

  @Column('date', { name: 'period_date' })
  periodDate: string;

  @Column('date', { name: 'alt_period_date', nullable: true })
  altPeriodDate: string | null;

  @Column('date', { name: 'due_date', nullable: true })
  dueDate: string | null;

  @Column('date', { name: 'done_date', nullable: true })
  doneDate: string | null;

  @Column('boolean', { nullable: true })
  favourable: boolean | null;
}
