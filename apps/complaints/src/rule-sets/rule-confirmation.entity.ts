import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConfirmedRuleValues } from '#libs/clock';

/** An admin's confirmation of a shipped rule set's values; each one is a new version (≥ 2). */
@Entity({ name: 'rule_confirmations' })
export class RuleConfirmationRow {
  @PrimaryColumn({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  periods: ConfirmedRuleValues['periods'];

  @Column({ name: 'confirmed_by', type: 'varchar', length: 64 })
  confirmedBy: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;
}
