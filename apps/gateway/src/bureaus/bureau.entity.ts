import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A market-supervision bureau (市场监管局), keyed by its 6-digit 行政区划代码. */
@Entity({ name: 'bureaus' })
export class BureauRow {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 6, nullable: true })
  parent: string | null;
}
