import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { EventEnvelope, LeadSnapshot } from '#libs/contracts';
import { createServiceDataSource, migrate } from '#libs/database';
import { newEvent } from '#libs/messaging';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { METRICS_ENTITIES, METRICS_MIGRATIONS } from '../../apps/metrics/src/migrations/index.js';
import { ROLLUP_FROM_FACTS_SQL, ROLLUP_TABLES, type RollupGrain } from '../../apps/metrics/src/projection/indicator-rollup.js';
import { ProjectionRepository } from '../../apps/metrics/src/projection/projection.repository.js';
import { ProjectionService } from '../../apps/metrics/src/projection/projection.service.js';
import { factory } from './metrics-fixtures.js';

const ACTOR = { username: 'producer', role: 'officer' as const, bureau: '320902' };
const leadEvent = (type: string, snapshot: LeadSnapshot, recordedAt: string): EventEnvelope =>
  newEvent({ type, aggregateType: 'lead', aggregateId: snapshot.id, bureau: snapshot.bureau, actor: ACTOR, payload: { snapshot } }, new Date(recordedAt));

/** A lead received on 03-01 (open, due 03-20) and the same lead decided on time on 03-18. */
const received = (id: string) => leadEvent('lead.received', factory.lead({ id }), '2026-03-01T02:00:00Z');
const decided = (id: string) =>
  leadEvent('lead.decided', factory.lead({ id, status: 'decided', outcome: 'no_case', decidedAt: '2026-03-18T02:00:00Z' }), '2026-03-18T02:00:00Z');

describe(ProjectionService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let sut: ProjectionService;

  const project = (events: EventEnvelope[]) => dataSource.transaction((m) => sut.project(m, events.map((e) => sut.snapshotOf(e))));
  const storedEvent = async (id: string) =>
    ((await dataSource.query(`SELECT event_id FROM projected_records WHERE kind = 'lead' AND id = $1`, [id])) as { event_id: string }[])[0]?.event_id;
  const status171 = async (id: string) =>
    ((await dataSource.query(`SELECT done_date IS NOT NULL AS done FROM indicator_facts WHERE record_id = $1 AND indicator = '17.1'`, [id])) as { done: boolean }[]).map(
      (r) => r.done,
    );
  async function rollupMatchesFacts(): Promise<void> {
    for (const grain of Object.keys(ROLLUP_TABLES) as RollupGrain[]) {
      const { table, place } = ROLLUP_TABLES[grain];
      const kept = await dataSource.query(`SELECT indicator, bureau, channel, ${place} AS place, except_in, status, open_due, n FROM ${table} ORDER BY 1, 2, 3, 4, 5, 6, 7`);
      const recounted = await dataSource.query(`SELECT * FROM (${ROLLUP_FROM_FACTS_SQL[grain]}) r ORDER BY 1, 2, 3, 4, 5, 6, 7`);
      expect([grain, kept]).toEqual([grain, recounted]);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('metrics_projection');
    dataSource = createServiceDataSource({ url: db.url, schema: 'metrics', entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS });
    await migrate(dataSource);
    sut = new ProjectionService(new ProjectionRepository());
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it.each([
    ['newest first', (r: EventEnvelope, d: EventEnvelope) => [d, r]],
    ['newest last', (r: EventEnvelope, d: EventEnvelope) => [r, d]],
  ])('keeps the newest snapshot of a record within one batch (%s)', async (label, order) => {
    const id = `B-${label.replace(' ', '-')}`;
    const [r, d] = [received(id), decided(id)];
    expect(await project(order(r, d))).toBe(1);
    expect(await storedEvent(id)).toBe(d.id);
    expect(await status171(id)).toEqual([true]);
    await rollupMatchesFacts();
  });

  it('never lets a stale snapshot of a later batch regress a record', async () => {
    const [r, d] = [received('S1'), decided('S1')];
    expect(await project([d])).toBe(1);
    expect(await project([r, d])).toBe(0);
    expect(await storedEvent('S1')).toBe(d.id);
    expect(await status171('S1')).toEqual([true]);
  });

  it('breaks a tie of recordedAt by event id, whatever the order in the batch', async () => {
    const a = received('T1');
    const b = { ...decided('T1'), recordedAt: a.recordedAt };
    const newer = a.id.toLowerCase() > b.id.toLowerCase() ? a : b;
    expect(await project([a, b])).toBe(1);
    expect(await storedEvent('T1')).toBe(newer.id);
    expect(await project([b, a])).toBe(0);
    expect(await storedEvent('T1')).toBe(newer.id);
  });

  it('projects many records in one batch, moving the rollup by their sum', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `M${i}`);
    expect(await project(ids.map(received))).toBe(30);
    expect(await project(ids.filter((_, i) => i % 3 === 0).map(decided))).toBe(10);
    const open = await dataSource.query(`SELECT count(*)::int AS n FROM indicator_facts WHERE record_id LIKE 'M%' AND indicator = '17.1' AND done_date IS NULL`);
    expect(open).toEqual([{ n: 20 }]);
    await rollupMatchesFacts();
  });
});
