import { performance } from 'node:perf_hooks';
import { BUREAU_SEED } from '#libs/auth';
import { createServiceDataSource, migrate } from '#libs/database';
import { INDICATORS } from '#libs/domain';
import { createTestDatabase } from '#libs/testing';
import { IndicatorsRepository, type CountRow, type FactQuery } from '../apps/metrics/src/indicators/indicators.repository.js';
import { METRICS_ENTITIES, METRICS_MIGRATIONS } from '../apps/metrics/src/migrations/index.js';
import { ROLLUP_FROM_FACTS_SQL, ROLLUP_TABLES } from '../apps/metrics/src/projection/indicator-rollup.js';
import { percentile } from './lib/load.js';
import type { BenchRow } from './lib/report.js';

const CODES = INDICATORS.map((d) => d.code);
const MEASURES = INDICATORS.map((d) => d.measure);
const CITY = '320900';
const BUREAUS = BUREAU_SEED.filter((b) => b.parent === CITY).map((b) => b.code);
/** Runs per figure: enough for a p99 of the fast query; the naive one is slow, fewer runs. */
const RUNS = 300;
const NAIVE_RUNS = 15;
const TODAY = '2026-12-31';

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * Synthetic facts over 11 district bureaus, 14 indicators and five years (2022–2026), every
 * indicator and bureau on every day (so the rollup is as dense as it gets): due and done
 * dates jitter around the period date, one in 23 still open (so missing "with no event" once past
 * due), one in 7 unfavourable; 17.1 is also placed by its decision date, as the projection does.
 */
async function grow(query: Query, from: number, to: number): Promise<void> {
  await query(
    `INSERT INTO indicator_facts (indicator, item_key, measure, record_id, record_kind, bureau, channel, officer,
                                  period_date, alt_period_date, due_date, done_date, favourable)
     SELECT c, 'k' || i, ($2::text[])[1 + i % 14], 'r' || i, 'lead', ($3::text[])[1 + (i / 14) % $4],
            'report', 'officer' || (i % 300), d, CASE WHEN c = '17.1' THEN done END, d, done, i % 7 <> 0
       FROM generate_series($5::bigint, $6::bigint) AS i,
            LATERAL (SELECT ($1::text[])[1 + i % 14] AS c, date '2022-01-01' + ((i / 154) % 1826)::int AS d) x,
            LATERAL (SELECT CASE WHEN i % 23 = 0 THEN NULL ELSE d + ((i % 9) - 6)::int END AS done) y`,
    [CODES, MEASURES, BUREAUS, BUREAUS.length, from, to],
  );
}

/** The rollup as the projection would have kept it, recounted once after the bulk load. */
async function recountRollup(query: Query): Promise<void> {
  for (const grain of Object.keys(ROLLUP_TABLES) as (keyof typeof ROLLUP_TABLES)[]) {
    const { table, place } = ROLLUP_TABLES[grain];
    await query(`TRUNCATE ${table}`);
    await query(`INSERT INTO ${table} (indicator, bureau, channel, ${place}, except_in, status, open_due, n) ${ROLLUP_FROM_FACTS_SQL[grain]}`);
  }
}

/** What one would write first: classify every fact of the scope and GROUP BY, no rollup. */
async function naiveCounts(query: Query, q: FactQuery): Promise<CountRow[]> {
  const rows = (await query(
    `SELECT indicator, NULL AS key,
            count(*) FILTER (WHERE status = 'on_time')::int AS "onTime",
            count(*) FILTER (WHERE status = 'late')::int AS late,
            count(*) FILTER (WHERE status = 'missing')::int AS missing
       FROM (SELECT indicator,
                    CASE WHEN measure IN ('outcome', 'count') THEN CASE WHEN favourable THEN 'on_time' ELSE 'missing' END
                         WHEN done_date IS NOT NULL THEN
                           CASE WHEN measure = 'completion' OR due_date IS NULL OR done_date <= due_date THEN 'on_time' ELSE 'late' END
                         WHEN due_date < $5::date THEN 'missing' END AS status
               FROM indicator_facts
              WHERE indicator = ANY($1::text[]) AND bureau = ANY($2::varchar[])
                AND (period_date BETWEEN $3::date AND $4::date OR alt_period_date BETWEEN $3::date AND $4::date)) s
      GROUP BY indicator`,
    [q.codes, q.bureaus, q.from, q.to, q.today],
  )) as CountRow[];
  return rows;
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ p50: number; p99: number; last: T }> {
  for (let i = 0; i < 3; i++) await work(); // warm the cache and the plan
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), last };
}

/** The figures as a comparable string: counted rows only, by indicator. */
function figures(rows: CountRow[]): string {
  return rows
    .filter((r) => r.onTime + r.late + r.missing > 0)
    .map((r) => `${r.indicator}:${r.onTime}/${r.late}/${r.missing}`)
    .sort()
    .join(' ');
}

/**
 * P3: an indicator query for a bureau and a year at 1 M and 10 M facts (METRICS_BENCH_SIZES),
 * through the service's repository (rollup), beside the naive GROUP BY over the same facts in the
 * same run; the two must give the same figures.
 */
export async function benchIndicatorQuery(): Promise<BenchRow[]> {
  const sizes = (process.env.METRICS_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
  const db = await createTestDatabase('metrics_bench');
  const dataSource = createServiceDataSource({ url: db.url, schema: 'metrics', entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS });
  const query: Query = (sql, params) => dataSource.query(sql, params);
  const rows: BenchRow[] = [];
  try {
    await migrate(dataSource);
    const repository = new IndicatorsRepository(dataSource);
    let loaded = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      await grow(query, loaded + 1, size);
      loaded = size;
      await recountRollup(query);
      const tables = Object.values(ROLLUP_TABLES).map((t) => t.table);
      await query(`VACUUM ANALYZE indicator_facts, ${tables.join(', ')}`);
      const [{ n }] = (await query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')} AS n`)) as { n: string }[];
      process.stdout.write(`P3: ${size.toLocaleString('en')} facts (${Number(n).toLocaleString('en')} rollup rows) ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      const cases: [string, FactQuery][] = [
        ['one district', { codes: CODES, bureaus: [BUREAUS[0]], from: '2026-01-01', to: '2026-12-31', today: TODAY }],
        [`city ${CITY} (${BUREAUS.length} districts)`, { codes: CODES, bureaus: BUREAUS, from: '2026-01-01', to: '2026-12-31', today: TODAY }],
      ];
      for (const [label, q] of cases) {
        const fast = await timed(RUNS, () => repository.counts(q));
        const naive = await timed(NAIVE_RUNS, () => naiveCounts(query, q));
        const same = figures(fast.last) === figures(naive.last);
        const ratio = naive.p50 / fast.p50;
        process.stdout.write(`P3: ${size.toLocaleString('en')} facts, ${label}: ${fast.p50.toFixed(2)}/${fast.p99.toFixed(2)} ms vs naive ${naive.p50.toFixed(0)}/${naive.p99.toFixed(0)} ms, same figures: ${same}\n`);
        rows.push({
          id: 'P3',
          what: `indicator query, ${label}, one year, ${size.toLocaleString('en')} facts${same ? '' : ' — FIGURES DIFFER'}`,
          figure: `p50 ${fast.p50.toFixed(2)} ms, p99 ${fast.p99.toFixed(2)} ms`,
          baseline: `naive GROUP BY: p50 ${naive.p50.toFixed(0)} ms, p99 ${naive.p99.toFixed(0)} ms`,
          ratio: `${ratio.toFixed(0)}× faster`,
          target: 'p99 < 20 ms, ≥ 100× faster',
          met: same && fast.p99 < 20 && ratio >= 100,
        });
      }
    }
  } finally {
    await dataSource.destroy();
    await db.drop();
  }
  return rows;
}
