import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { BACKEND_APPS, type AppName } from '#libs/testing';
import { JsonPoster } from './lib/http.js';
import { runLoad, type LoadResult } from './lib/load.js';
import type { BenchRow } from './lib/report.js';
import { startBenchSuite, type BenchSuite } from './lib/suite.js';

const CONCURRENCIES = [1, 2, 4, 8, 16, 32];
const APPS: AppName[] = [...BACKEND_APPS, 'gateway'];

function leadBody(i: number) {
  return {
    channel: 'report',
    online: true,
    title: `网店销售假冒商品线索 ${i}`,
    description: '消费者举报某平台店铺销售假冒品牌运动鞋',
    subject: { name: `盐城某电子商务有限公司${i % 500}`, platform: '某电商平台', storeUrl: `https://shop.example.cn/store/${i}` },
  };
}

async function gatewayIntake(suite: BenchSuite, token: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const poster = new JsonPoster(new URL(suite.base), concurrency);
  try {
    return await runLoad(concurrency, seconds, async (i) => (await poster.post('/api/v1/leads', { authorization: `Bearer ${token}` }, leadBody(i))) === 201);
  } finally {
    poster.close();
  }
}

/** CPU milliseconds (user + system) each app spends while `run` lasts, from /proc. */
async function cpuDuring<T>(suite: BenchSuite, apps: AppName[], run: () => Promise<T>): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const before = Object.fromEntries(apps.map((app) => [app, suite.cpuMs(app)]));
  const result = await run();
  return { result, cpuMs: Object.fromEntries(apps.map((app) => [app, suite.cpuMs(app) - before[app]!])) };
}

/** The floor to compare with: the same business row and outbox row in one transaction, raw pg. */
async function rawIntake(url: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  await pool.query('CREATE SCHEMA IF NOT EXISTS bench_raw');
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw.leads (id uuid PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL)');
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw.outbox (id uuid PRIMARY KEY, envelope jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz)');
  try {
    return await runLoad(concurrency, seconds, async (i) => {
      const client = await pool.connect();
      try {
        const id = randomUUID();
        await client.query('BEGIN');
        await client.query('INSERT INTO bench_raw.leads (id, body, received_at) VALUES ($1, $2, now())', [id, leadBody(i)]);
        await client.query('INSERT INTO bench_raw.outbox (id, envelope) VALUES ($1, $2)', [randomUUID(), { type: 'lead.received', payload: leadBody(i) }]);
        await client.query('COMMIT');
        return true;
      } finally {
        client.release();
      }
    });
  } finally {
    await pool.end();
  }
}

/** Peak RSS of each app while `run` lasts, sampled every 500 ms. */
async function peakRss<T>(suite: BenchSuite, apps: AppName[], run: () => Promise<T>): Promise<{ result: T; peak: Record<string, number> }> {
  const peak: Record<string, number> = {};
  const sample = () => {
    for (const app of apps) peak[app] = Math.max(peak[app] ?? 0, suite.rssMb(app));
  };
  const sampler = setInterval(sample, 500);
  try {
    const result = await run();
    sample();
    return { result, peak };
  } finally {
    clearInterval(sampler);
  }
}

interface AllInOneMemory {
  idle: number;
  peak: number;
  load: LoadResult;
}

/** One all-in-one suite of its own: RSS idle, then under a short P1 load. */
async function allInOneMemory(concurrency: number, seconds: number, nodeFlags?: readonly string[]): Promise<AllInOneMemory> {
  const suite = await startBenchSuite({ oneProcess: true, nodeFlags });
  try {
    const token = await suite.token('officer', '320902');
    const idle = suite.rssMb('all-in-one');
    const { result: load, peak } = await peakRss(suite, ['all-in-one'], () => gatewayIntake(suite, token, concurrency, seconds));
    return { idle, peak: peak['all-in-one']!, load };
  } finally {
    await suite.stop();
  }
}

const describeMemory = (m: AllInOneMemory) =>
  `idle ${m.idle.toFixed(0)} MB, under P1 ${m.peak.toFixed(0)} MB (${m.load.perSecond.toFixed(0)}/s, p99 ${m.load.p99Ms.toFixed(1)} ms)`;

/**
 * P5 for the one-process mode, at the concurrency P1 chose, beside the same process started
 * without the launchers' V8 flags (NODE_FLAGS), so their memory saving and throughput cost show.
 */
async function benchAllInOne(concurrency: number, seconds: number): Promise<BenchRow> {
  const flagged = await allInOneMemory(concurrency, seconds);
  const plain = await allInOneMemory(concurrency, seconds, []);
  return {
    id: 'P5',
    what: `RSS of the whole suite in one process (all-in-one), NODE_FLAGS; P1 load ${concurrency} concurrent, ${seconds} s`,
    figure: describeMemory(flagged),
    baseline: `default V8 flags: ${describeMemory(plain)}`,
    ratio: `idle ${((flagged.idle / plain.idle) * 100).toFixed(0)} %`,
    target: '< 400 MB',
    met: flagged.idle < 400 && flagged.peak < 400,
  };
}

/** P1 lead intake through the gateway and P5 memory (idle and under that load), per service and in one process. */
export async function benchIntake(suite: BenchSuite, seconds: number): Promise<BenchRow[]> {
  const token = await suite.token('officer', '320902');
  const idle = Object.fromEntries(APPS.map((app) => [app, suite.rssMb(app)]));

  let best = { concurrency: CONCURRENCIES[0]!, perSecond: 0 };
  const probes: string[] = [];
  for (const concurrency of CONCURRENCIES) {
    const probe = await gatewayIntake(suite, token, concurrency, Math.max(3, Math.round(seconds / 12)));
    probes.push(`c=${concurrency} ${probe.perSecond.toFixed(0)}/s p99 ${probe.p99Ms.toFixed(0)} ms`);
    if (probe.perSecond > best.perSecond) best = { concurrency, perSecond: probe.perSecond };
  }
  const {
    result: { result: gateway, peak },
    cpuMs,
  } = await cpuDuring(suite, APPS, () => peakRss(suite, APPS, () => gatewayIntake(suite, token, best.concurrency, seconds)));
  const raw = await rawIntake(suite.db.url, best.concurrency, seconds);

  const ratio = gateway.perSecond / raw.perSecond;
  const rows: BenchRow[] = [
    {
      id: 'P1',
      what: `lead intake via gateway, ${best.concurrency} concurrent, ${seconds} s (${gateway.failed} failed)`,
      figure: `${gateway.perSecond.toFixed(0)}/s, p50 ${gateway.p50Ms.toFixed(1)} ms, p99 ${gateway.p99Ms.toFixed(1)} ms`,
      baseline: `raw pg row+outbox: ${raw.perSecond.toFixed(0)}/s, p99 ${raw.p99Ms.toFixed(1)} ms`,
      ratio: `${(ratio * 100).toFixed(0)} %`,
      target: '≥ 50 % of raw, p99 < 50 ms',
      met: ratio >= 0.5 && gateway.p99Ms < 50,
    },
    {
      id: 'P1',
      what: `the concurrency probes (${Math.max(3, Math.round(seconds / 12))} s each) the sustained run chose from`,
      figure: probes.join('; '),
      baseline: '–',
      ratio: '–',
      target: '–',
      met: null,
    },
    {
      id: 'P1',
      what: 'where an intake\'s CPU goes: ms of CPU per acknowledged intake, by process (credit and metrics consume lead.received)',
      figure: APPS.map((app) => `${app} ${(cpuMs[app]! / gateway.ok).toFixed(1)}`).join(', '),
      baseline: `total ${(Object.values(cpuMs).reduce((a, b) => a + b, 0) / gateway.ok).toFixed(1)} ms on ${cpus().length} cores`,
      ratio: '–',
      target: '–',
      met: null,
    },
  ];
  for (const app of APPS) {
    rows.push({
      id: 'P5',
      what: `RSS of ${app}`,
      figure: `idle ${idle[app]!.toFixed(0)} MB, under P1 ${peak[app]!.toFixed(0)} MB`,
      baseline: '–',
      ratio: '–',
      target: '< 150 MB idle',
      met: idle[app]! < 150,
    });
  }
  rows.push(await benchAllInOne(best.concurrency, Math.max(5, Math.round(seconds / 4))));
  return rows;
}
