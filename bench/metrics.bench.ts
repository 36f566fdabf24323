import { performance } from 'node:perf_hooks';
import { createServiceDataSource, migrate } from '#libs/database';
import { BUREAU_SEED } from '#libs/auth';
import { INDICATORS } from '#libs/domain';
import { createTestDatabase } from '#libs/testing';
import { IndicatorsRepository, type FactQuery } from '../apps/metrics/src/indicators/indicators.repository.js';
import { METRICS_ENTITIES, METRICS_MIGRATIONS } from '../apps/metrics/src/migrations/index.js';

const CODES = INDICATORS.map((d) => d.code);
const MEASURES = INDICATORS.map((d) => d.measure);
const BUREAUS = BUREAU_SEED.filter((b) => b.parent === '320900').map((b) => b.code);
const RUNS = 40;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Synthetic facts spread over 11 district bureaus, 14 indicators and five years (2022–2026):
 * due dates and done dates jitter around the period date, some items open, some outcomes unfavourable.
 */
async function grow(query: (sql: string, params?: unknown[]) => Promise<unknown>, from: number, to: number): Promise<void> {
  await query(
    `INSERT INTO indicator_facts (indicator, item_key, measure, record_id, record_kind, bureau, channel, officer,
                                  period_date, alt_period_date, due_date, done_date, favourable)
     SELECT ($1::text[])[1 + i % 14], 'k' || i, ($2::text[])[1 + i % 14], 'r' || i, 'lead', ($3::text[])[1 + (i / 14) % $4],
            'report', 'officer' || (i % 300), d, NULL, d,
            CASE WHEN i % 23 = 0 THEN NULL ELSE d + ((i % 9) - 6)::int END, i % 7 <> 0
       FROM generate_series($5::bigint, $6::bigint) AS i, LATERAL (SELECT date '2022-01-01' + (i % 1826)::int AS d) x`,
    [CODES, MEASURES, BUREAUS, BUREAUS.length, from, to],
  );
}

/** Indicator query latency at 1 M and 10 M facts (METRICS_BENCH_SIZES to change), p50/p95 over 40 runs. */
export async function run(): Promise<void> {
  const sizes = (process.env.METRICS_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
  const db = await createTestDatabase('metrics_bench');
  const dataSource = createServiceDataSource({ url: db.url, schema: 'metrics', entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS });
  try {
    await migrate(dataSource);
    const repository = new IndicatorsRepository(dataSource);
    let rows = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      await grow((sql, params) => dataSource.query(sql, params as unknown[]), rows + 1, size);
      rows = size;
      await dataSource.query('VACUUM ANALYZE indicator_facts');
      process.stdout.write(`metrics: ${size.toLocaleString('en')} facts loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      const cases: [string, FactQuery][] = [
        ['one district, one year', { codes: CODES, bureaus: [BUREAUS[0]], from: '2026-01-01', to: '2026-12-31', today: '2026-12-31' }],
        ['city (all districts), one year', { codes: CODES, bureaus: BUREAUS, from: '2026-01-01', to: '2026-12-31', today: '2026-12-31' }],
        ['one district, one month', { codes: CODES, bureaus: [BUREAUS[0]], from: '2026-03-01', to: '2026-03-31', today: '2026-12-31' }],
      ];
      for (const [label, q] of cases) {
        const ms: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await repository.counts(q);
          ms.push(performance.now() - t);
        }
        ms.sort((a, b) => a - b);
        process.stdout.write(`metrics: ${size.toLocaleString('en')} facts, ${label}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms\n`);
      }
    }
  } finally {
    await dataSource.destroy();
    await db.drop();
  }
}
