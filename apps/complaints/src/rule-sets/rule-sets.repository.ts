import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConfirmedRuleValues } from '#libs/clock';
import { RuleConfirmationRow } from './rule-confirmation.entity.js';

@Injectable()
export class RuleSetsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(manager: EntityManager = this.dataSource.manager): Promise<ConfirmedRuleValues[]> {
    const rows = await manager.getRepository(RuleConfirmationRow).find({ order: { ruleSetId: 'ASC', version: 'ASC' } });
    return rows.map((r) => ({ ruleSetId: r.ruleSetId, version: r.version, periods: r.periods, confirmedBy: r.confirmedBy, confirmedAt: r.confirmedAt }));
  }

  /** Serialises concurrent confirmations of one rule set, so versions never collide. */
  async lockAndNextVersion(manager: EntityManager, ruleSetId: string, shippedVersion: number): Promise<number> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rule-set-${ruleSetId}`]);
    const [row] = (await manager.query('SELECT max(version) AS v FROM rule_confirmations WHERE rule_set_id = $1', [ruleSetId])) as { v: number | null }[];
    return Math.max(row?.v ?? 0, shippedVersion) + 1;
  }

  async insert(manager: EntityManager, row: RuleConfirmationRow): Promise<void> {
    await manager.getRepository(RuleConfirmationRow).insert(row);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
