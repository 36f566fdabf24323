import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IndicatorFact, RecordKind } from '#libs/domain';

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

  /** Replaces the record's facts with those of its newest snapshot. */
  async replaceFacts(manager: EntityManager, kind: RecordKind, id: string, facts: IndicatorFact[]): Promise<void> {
    await manager.query(`DELETE FROM indicator_facts WHERE record_kind = $1 AND record_id = $2`, [kind, id]);
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

  /** Empties the projection inside the rebuild's transaction (readers keep the old figures until commit). */
  async clear(manager: EntityManager): Promise<void> {
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
