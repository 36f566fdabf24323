import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OperatorKind, Sector } from '#libs/domain';
import type { OperatorView } from '#libs/contracts';

/** 经营者, keyed by 统一社会信用代码. */
@Entity({ name: 'operators' })
export class OperatorRow {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  uscc: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OperatorKind;

  @Column({ name: 'domicile_bureau', type: 'varchar', length: 6, nullable: true })
  domicileBureau: string | null;

  @Column({ name: 'business_bureau', type: 'varchar', length: 6, nullable: true })
  businessBureau: string | null;

  @Column({ name: 'first_seen_bureau', type: 'varchar', length: 6 })
  firstSeenBureau: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  platform: string | null;

  @Column({ name: 'store_ids', type: 'jsonb' })
  storeIds: string[];

  @Column({ type: 'varchar', length: 24 })
  sector: Sector;

  @Column({ type: 'boolean' })
  complete: boolean;

  @Column({ name: 'registered_from', type: 'varchar', length: 16 })
  registeredFrom: OperatorView['registeredFrom'];

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}

export function toOperatorView(row: OperatorRow): OperatorView {
  return {
    uscc: row.uscc,
    name: row.name,
    kind: row.kind,
    domicileBureau: row.domicileBureau,
    businessBureau: row.businessBureau,
    firstSeenBureau: row.firstSeenBureau,
    platform: row.platform,
    storeIds: row.storeIds,
    sector: row.sector,
    complete: row.complete,
    registeredFrom: row.registeredFrom,
    registeredAt: row.registeredAt.toISOString(),
  };
}

export function fromOperatorView(view: OperatorView): OperatorRow {
  return Object.assign(new OperatorRow(), { ...view, registeredAt: new Date(view.registeredAt) });
}

/** Bureaus with a claim on the operator: registered domicile, place of business, first contact. */
export function operatorBureaus(op: Pick<OperatorView, 'domicileBureau' | 'businessBureau' | 'firstSeenBureau'>): string[] {
  return [op.domicileBureau, op.businessBureau, op.firstSeenBureau].filter((b): b is string => b !== null);
}
