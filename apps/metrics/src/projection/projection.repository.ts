import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorFact, RecordKind } from '#libs/domain';
import { ROLLUP_TABLES, rollupDeltas, type RollupDelta, type RollupGrain } from './indicator-rollup.js';

/** One record's snapshot as one event carries it, with the facts derived from it. */
export interface RecordSnapshot {
  kind: RecordKind;
  id: string;
  bureau: string;
  snapshot: unknown;
  eventId: string;
  recordedAt: string;
  facts: IndicatorFact[];
}

export interface RecordFacts {
  kind: RecordKind;
  id: string;
  facts: IndicatorFact[];
}

const recordKey = (kind: string, id: string) => `${kind}\u0000${id}`;

/**
 * The only writer of the projection tables; every write runs in the caller's transaction and
 * takes a constant number of statements for any number of records.
 */
@Injectable()
export class ProjectionRepository {
  /**
   * Stores the newest of these snapshots of each record (by recordedAt, then event id) unless a
   * newer one is already there, and returns the snapshots stored: a stale one (out-of-order
   * redelivery, an older event in the same batch) never regresses a record.
   */
  async upsertRecords(manager: EntityManager, snapshots: readonly RecordSnapshot[]): Promise<RecordSnapshot[]> {
    if (snapshots.length === 0) return [];
    const col = <T>(f: (s: RecordSnapshot) => T) => snapshots.map(f);
    // DISTINCT ON keeps one row per record (an upsert may touch a row once) and sorts by record,
    // so concurrent writers lock records in one order.
    const stored: { kind: string; id: string; event_id: string }[] = await manager.query(
      `INSERT INTO projected_records (kind, id, bureau, snapshot, event_id, event_recorded_at)
       SELECT DISTINCT ON (s.kind, s.id) s.kind, s.id, s.bureau, s.snapshot::jsonb, s.event_id, s.recorded_at
         FROM unnest($1::text[], $2::text[], $3::varchar[], $4::text[], $5::uuid[], $6::timestamptz[]) AS s(kind, id, bureau, snapshot, event_id, recorded_at)
        ORDER BY s.kind, s.id, s.recorded_at DESC, s.event_id DESC
       ON CONFLICT (kind, id) DO UPDATE
         SET bureau = EXCLUDED.bureau, snapshot = EXCLUDED.snapshot, event_id = EXCLUDED.event_id,
             event_recorded_at = EXCLUDED.event_recorded_at, updated_at = now()
       WHERE (projected_records.event_recorded_at, projected_records.event_id) < (EXCLUDED.event_recorded_at, EXCLUDED.event_id)
       RETURNING kind, id, event_id`,
      [col((s) => s.kind), col((s) => s.id), col((s) => s.bureau), col((s) => JSON.stringify(s.snapshot)), col((s) => s.eventId), col((s) => s.recordedAt)],
    );
    const winners = new Set(stored.map((r) => `${recordKey(r.kind, r.id)}\u0000${r.event_id.toLowerCase()}`));
    return snapshots.filter((s) => winners.delete(`${recordKey(s.kind, s.id)}\u0000${s.eventId.toLowerCase()}`));
  }

  /**
   * Replaces each record's facts with the given ones and moves the rollup by the difference, in
   * the caller's transaction: the figures and the drill-down never disagree.
   */
  async replaceFacts(manager: EntityManager, records: readonly RecordFacts[]): Promise<void> {
    if (records.length === 0) return;
    // TypeORM answers a DELETE … RETURNING with [rows, rowCount].
    const [before] = (await manager.query(
      `DELETE FROM indicator_facts f USING unnest($1::text[], $2::text[]) AS r(kind, id)
        WHERE f.record_kind = r.kind AND f.record_id = r.id
       RETURNING f.indicator, f.item_key AS "itemKey", f.measure, f.record_id AS "recordId", f.record_kind AS "recordKind", f.bureau, f.channel, f.officer,
                 to_char(f.period_date, 'YYYY-MM-DD') AS "periodDate", to_char(f.alt_period_date, 'YYYY-MM-DD') AS "altPeriodDate",
                 to_char(f.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(f.done_date, 'YYYY-MM-DD') AS "doneDate", f.favourable`,
      [records.map((r) => r.kind), records.map((r) => r.id)],
    )) as [IndicatorFact[], number];
    const after = records.flatMap((r) => r.facts);
    await this.insertFacts(manager, after);
    const deltas = rollupDeltas(before, after);
    for (const grain of Object.keys(ROLLUP_TABLES) as RollupGrain[]) await this.moveRollup(manager, grain, deltas[grain]);
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
