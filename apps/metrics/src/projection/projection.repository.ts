import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorFact, RecordKind } from '#libs/domain';
import { ROLLUP_TABLES, rollupDeltas, type RollupDelta, type RollupGrain } from './indicator-rollup.js';

export interface SnapshotVersion {
  eventId: string;
  recordedAt: string;
}

/** The only writer of the projection tables; every write runs in the caller's transaction. */
@Injectable()
export class ProjectionRepository {
  /**
   * Stores the snapshot unless a newer one (by recordedAt, then event id) is already there.
   * Returns false for a stale snapshot, so out-of-order redelivery never regresses a record.
   */
  async upsertRecord(manager: EntityManager, kind: RecordKind, id: string, bureau: string, snapshot: unknown, version: SnapshotVersion): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO projected_records (kind, id, bureau, snapshot, event_id, event_recorded_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6)
       ON CONFLICT (kind, id) DO UPDATE
         SET bureau = EXCLUDED.bureau, snapshot = EXCLUDED.snapshot, event_id = EXCLUDED.event_id,
             event_recorded_at = EXCLUDED.event_recorded_at, updated_at = now()
       WHERE (projected_records.event_recorded_at, projected_records.event_id) < (EXCLUDED.event_recorded_at, EXCLUDED.event_id)
       RETURNING id`,
      [kind, id, bureau, JSON.stringify(snapshot), version.eventId, version.recordedAt],
    );
    return rows.length > 0;
  }

  /**
   * Replaces the record's facts with those of its newest snapshot and moves the rollup by the
   * difference, in the caller's transaction: the figures and the drill-down never disagree.
   */
  async replaceFacts(manager: EntityManager, kind: RecordKind, id: string, facts: IndicatorFact[]): Promise<void> {
    // TypeORM answers a DELETE … RETURNING with [rows, rowCount].
    const [before] = (await manager.query(
      `DELETE FROM indicator_facts WHERE record_kind = $1 AND record_id = $2
       RETURNING indicator, item_key AS "itemKey", measure, record_id AS "recordId", record_kind AS "recordKind", bureau, channel, officer,
                 to_char(period_date, 'YYYY-MM-DD') AS "periodDate", to_char(alt_period_date, 'YYYY-MM-DD') AS "altPeriodDate",
                 to_char(due_date, 'YYYY-MM-DD') AS "dueDate", to_char(done_date, 'YYYY-MM-DD') AS "doneDate", favourable`,
      [kind, id],
    )) as [IndicatorFact[], number];
    await this.insertFacts(manager, facts);
    const deltas = rollupDeltas(before, facts);
    await this.moveRollup(manager, 'day', deltas.day);
    await this.moveRollup(manager, 'month', deltas.month);
  }

  private async insertFacts(manager: EntityManager, facts: IndicatorFact[]): Promise<void> {
    if (facts.length === 0) return;
    const col = <K extends keyof IndicatorFact>(k: K) => facts.map((f) => f[k]);
    await manager.query(
      `INSERT INTO indicator_facts (indicator, item_key, measure, record_id, record_kind, bureau, channel, officer,
                                    period_date, alt_period_date, due_date, done_date, favourable)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::varchar[], $7::text[], $8::text[],
                            $9::date[], $10::date[], $11::date[], $12::date[], $13::boolean[])`,
      [
        col('indicator'),
        col('itemKey'),
        col('measure'),
        col('recordId'),
        col('recordKind'),
        col('bureau'),
        col('channel'),
        col('officer'),
        col('periodDate'),
        col('altPeriodDate'),
        col('dueDate'),
        col('doneDate'),
        col('favourable'),
      ],
    );
  }

  /** Adds each delta to its rollup row (rows locked in key order), then drops the rows that reached zero. */
  private async moveRollup(manager: EntityManager, grain: RollupGrain, deltas: RollupDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const { table, place } = ROLLUP_TABLES[grain];
    const col = <K extends keyof RollupDelta>(k: K) => deltas.map((d) => d[k]);
    const rows: { n: number }[] = await manager.query(
      `INSERT INTO ${table} AS t (indicator, bureau, channel, ${place}, except_in, status, open_due, n)
       SELECT d.indicator, d.bureau, d.channel, d.place, d.except_in, d.status, d.open_due, d.n
         FROM unnest($1::text[], $2::varchar[], $3::text[], $4::date[], $5::date[], $6::text[], $7::date[], $8::int[]) WITH ORDINALITY
              AS d(indicator, bureau, channel, place, except_in, status, open_due, n, ord)
        ORDER BY d.ord
       ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET n = t.n + EXCLUDED.n
       RETURNING t.n`,
      [col('indicator'), col('bureau'), col('channel'), col('place'), col('exceptIn'), col('status'), col('openDue'), col('n')],
    );
    // Below zero means something wrote the facts without the rollup: refuse rather than publish a wrong figure.
    if (rows.some((r) => r.n < 0)) throw new Error(`${table} disagrees with indicator_facts; rebuild the indicator projection`);
    if (rows.some((r) => r.n === 0)) {
      await manager.query(`DELETE FROM ${table} WHERE n = 0 AND indicator = ANY($1::text[]) AND bureau = ANY($2::varchar[]) AND ${place} = ANY($3::date[])`, [
        col('indicator'),
        col('bureau'),
        col('place'),
      ]);
    }
  }

  /** Empties the projection inside the rebuild's transaction (readers keep the old figures until commit). */
  async clear(manager: EntityManager): Promise<void> {
    for (const { table } of Object.values(ROLLUP_TABLES)) await manager.query(`DELETE FROM ${table}`);
    await manager.query(`DELETE FROM indicator_facts`);
    await manager.query(`DELETE FROM projected_records`);
  }

  async counts(manager: EntityManager): Promise<{ records: number; facts: number }> {
    const [row] = (await manager.query(
      `SELECT (SELECT count(*) FROM projected_records)::int AS records, (SELECT count(*) FROM indicator_facts)::int AS facts`,
    )) as { records: number; facts: number }[];
    return row;
  }
}
