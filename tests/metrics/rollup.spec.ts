import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { addDays } from '#libs/clock';
import type { Breakdown } from '#libs/contracts';
import { createServiceDataSource, migrate } from '#libs/database';
import { classifyFact, indicatorDefinition, INDICATORS, type IndicatorCode, type IndicatorFact } from '#libs/domain';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { IndicatorsRepository, type CountRow, type FactQuery } from '../../apps/metrics/src/indicators/indicators.repository.js';
import { METRICS_ENTITIES, METRICS_MIGRATIONS } from '../../apps/metrics/src/migrations/index.js';
import { ROLLUP_FROM_FACTS_SQL, ROLLUP_TABLES } from '../../apps/metrics/src/projection/indicator-rollup.js';
import { ProjectionRepository } from '../../apps/metrics/src/projection/projection.repository.js';

const BUREAUS = ['320902', '320903', '320904'];
const CHANNELS = ['report', '12315', 'platform_monitoring'];
const CODES = INDICATORS.map((d) => d.code);
const RECORDS = 240;
const GRAINS = Object.keys(ROLLUP_TABLES) as (keyof typeof ROLLUP_TABLES)[];

/** Small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(6);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
const day = (from: string, span: number) => addDays(from, Math.floor(next() * span));

/** A record's facts as a random snapshot would give them: some open, some late, some placed twice (17.1). */
function randomFacts(recordId: string): IndicatorFact[] {
  const bureau = pick(BUREAUS);
  const codes = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(CODES)))];
  return codes.map((indicator: IndicatorCode) => {
    const periodDate = day('2025-11-20', 230);
    const done = next() < 0.65 ? day(addDays(periodDate, -25), 45) : null;
    return {
      indicator,
      measure: indicatorDefinition(indicator).measure,
      itemKey: `${recordId}#${indicator}`,
      recordId,
      recordKind: 'lead',
      bureau,
      channel: pick(CHANNELS),
      officer: pick(['wang', 'li', 'zhao']),
      periodDate,
      altPeriodDate: indicator === '17.1' && done !== null && next() < 0.8 ? done : null,
      dueDate: next() < 0.92 ? day(addDays(periodDate, -10), 20) : null,
      doneDate: done,
      favourable: next() < 0.05 ? null : next() < 0.8,
    };
  });
}

const sorted = (rows: CountRow[]) => [...rows].sort((a, b) => `${a.indicator}|${a.key}`.localeCompare(`${b.indicator}|${b.key}`));

describe('indicator rollup', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const sut = () => new IndicatorsRepository(dataSource);
  const writer = new ProjectionRepository();

  async function write(records: number[]): Promise<void> {
    // Eight writers at once on overlapping rollup rows, each writing a batch of one to five
    // records (as a consumer batch does): no lost update, no deadlock.
    const batches: number[][] = [];
    for (let i = 0; i < records.length; ) {
      const size = 1 + Math.floor(next() * 5);
      batches.push(records.slice(i, i + size));
      i += size;
    }
    for (let i = 0; i < batches.length; i += 8) {
      // The facts are drawn before the transactions start, so the seeded sequence does not depend
      // on which transaction gets its connection first.
      const drawn = batches.slice(i, i + 8).map((batch) => batch.map((r) => ({ kind: 'lead' as const, id: `R${r}`, facts: next() < 0.15 ? [] : randomFacts(`R${r}`) })));
      await Promise.all(drawn.map((records) => dataSource.transaction((m) => writer.replaceFacts(m, records))));
    }
  }

  async function rollupRows(grain: keyof typeof ROLLUP_TABLES): Promise<string[]> {
    const { table, place } = ROLLUP_TABLES[grain];
    const rows: object[] = await dataSource.query(
      `SELECT indicator, bureau, channel, to_char(${place}, 'YYYY-MM-DD') AS place, to_char(except_in, 'YYYY-MM-DD') AS except_in, status,
              to_char(open_due, 'YYYY-MM-DD') AS open_due, n FROM ${table}`,
    );
    return rows.map((r) => JSON.stringify(r)).sort();
  }

  async function recounted(grain: keyof typeof ROLLUP_TABLES): Promise<string[]> {
    const rows: object[] = await dataSource.query(
      `SELECT indicator, bureau, channel, to_char(place, 'YYYY-MM-DD') AS place, to_char(except_in, 'YYYY-MM-DD') AS except_in, status,
              to_char(open_due, 'YYYY-MM-DD') AS open_due, n FROM (${ROLLUP_FROM_FACTS_SQL[grain]}) r`,
    );
    return rows.map((r) => JSON.stringify(r)).sort();
  }

  beforeAll(async () => {
    db = await createTestDatabase('metrics_rollup');
    // Facts projected before the rollup existed: its migration must count them.
    const early = createServiceDataSource({ url: db.url, schema: 'metrics', entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS.slice(0, 1) });
    await migrate(early);
    for (let r = 0; r < 40; r++) {
      for (const f of randomFacts(`R${r}`)) {
        await early.query(
          `INSERT INTO indicator_facts (indicator, item_key, measure, record_id, record_kind, bureau, channel, officer, period_date, alt_period_date, due_date, done_date, favourable)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [f.indicator, f.itemKey, f.measure, f.recordId, 'lead', f.bureau, f.channel, f.officer, f.periodDate, f.altPeriodDate, f.dueDate, f.doneDate, f.favourable],
        );
      }
    }
    await early.destroy();
    dataSource = createServiceDataSource({ url: db.url, schema: 'metrics', entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS });
    await migrate(dataSource);
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('the migration counts the facts already projected', async () => {
    expect(Number((await dataSource.query(`SELECT count(*) AS n FROM indicator_facts`))[0].n)).toBeGreaterThan(20);
    for (const grain of GRAINS) expect([grain, await rollupRows(grain)]).toEqual([grain, await recounted(grain)]);
  });

  it('stays equal to a recount from the facts through random inserts, changes and removals', async () => {
    const all = Array.from({ length: RECORDS }, (_, r) => r);
    for (let round = 0; round < 4; round++) await write(all.filter(() => next() < 0.7));
    for (const grain of GRAINS) {
      expect([grain, await rollupRows(grain)]).toEqual([grain, await recounted(grain)]);
      expect(Number((await dataSource.query(`SELECT count(*) AS n FROM ${ROLLUP_TABLES[grain].table} WHERE n <= 0`))[0].n)).toBe(0);
    }
    // The random facts straddle 2025 and 2026, so the yearly grain holds both years and 17.1 items excepted across them.
    expect(await dataSource.query(`SELECT DISTINCT to_char(place_year, 'YYYY') AS y FROM indicator_year_counts ORDER BY 1`)).toEqual([{ y: '2025' }, { y: '2026' }]);
    expect(Number((await dataSource.query(`SELECT count(*) AS n FROM indicator_year_counts WHERE except_in IS NOT NULL`))[0].n)).toBeGreaterThan(0);
  }, 60_000);

  it('gives the fact-scan figures (and classifyFact) for random bureaus, periods, days and breakdowns', async () => {
    const facts = (await dataSource.query(
      `SELECT indicator, bureau, measure, to_char(period_date,'YYYY-MM-DD') AS "periodDate", to_char(alt_period_date,'YYYY-MM-DD') AS "altPeriodDate",
              to_char(due_date,'YYYY-MM-DD') AS "dueDate", to_char(done_date,'YYYY-MM-DD') AS "doneDate", favourable FROM indicator_facts`,
    )) as IndicatorFact[];
    const fixed: [string, string][] = [
      ['2026-01-01', '2026-12-31'],
      ['2025-01-01', '2026-12-31'],
      ['2025-12-20', '2026-12-31'],
      ['2025-11-10', '2027-01-05'],
      ['2026-03-01', '2026-03-31'],
      ['2025-12-15', '2026-02-10'],
      ['2026-02-28', '2026-03-01'],
    ];
    let counted = 0;
    for (let i = 0; i < 80; i++) {
      const from = i < fixed.length ? fixed[i][0] : day('2025-11-01', 240);
      const to = i < fixed.length ? fixed[i][1] : day(from, next() < 0.5 ? 35 : 200);
      const bureaus = BUREAUS.filter(() => next() < 0.7);
      if (bureaus.length === 0) bureaus.push(BUREAUS[0]);
      const q: FactQuery = { codes: CODES, bureaus, from, to, today: day('2026-01-01', 200) };
      const breakdown = pick<Breakdown | undefined>([undefined, 'bureau', 'channel']);
      const rollup = sorted(await sut().counts(q, breakdown));
      expect(rollup).toEqual(sorted(await sut().countsFromFacts(q, breakdown)));
      if (breakdown === undefined) {
        for (const code of CODES) {
          const status = facts.filter((f) => f.indicator === code && bureaus.includes(f.bureau)).map((f) => classifyFact(f, { from, to }, q.today));
          const row = rollup.find((r) => r.indicator === code) ?? { onTime: 0, late: 0, missing: 0 };
          const byHand = ['on_time', 'late', 'missing'].map((s) => status.filter((x) => x === s).length);
          expect([code, row.onTime, row.late, row.missing]).toEqual([code, ...byHand]);
          counted += row.onTime + row.late + row.missing;
        }
      }
    }
    expect(counted).toBeGreaterThan(0);
  }, 60_000);
});
