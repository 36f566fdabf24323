import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { BACKEND_APPS } from '#libs/testing';
import { runLoad, type LoadResult } from './lib/load.js';
import type { BenchRow } from './lib/report.js';
import type { BenchSuite } from './lib/suite.js';

const CONCURRENCIES = [4, 8, 16, 32];

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
  return runLoad(concurrency, seconds, async (i) => {
    const res = await fetch(`${suite.base}/api/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(leadBody(i)),
    });
    await res.arrayBuffer();
    return res.status === 201;
  });
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

/** P1 lead intake through the gateway and P5 memory (idle and under that load). */
export async function benchIntake(suite: BenchSuite, seconds: number): Promise<BenchRow[]> {
  const token = await suite.token('officer', '320902');
  const idle = Object.fromEntries([...BACKEND_APPS, 'gateway'].map((app) => [app, suite.rssMb(app as never)]));

  let best = { concurrency: CONCURRENCIES[0]!, perSecond: 0 };
  for (const concurrency of CONCURRENCIES) {
    const probe = await gatewayIntake(suite, token, concurrency, Math.max(3, Math.round(seconds / 12)));
    if (probe.perSecond > best.perSecond) best = { concurrency, perSecond: probe.perSecond };
  }
  const peak: Record<string, number> = {};
  const sampler = setInterval(() => {
    for (const app of [...BACKEND_APPS, 'gateway']) peak[app] = Math.max(peak[app] ?? 0, suite.rssMb(app as never));
  }, 500);
  const gateway = await gatewayIntake(suite, token, best.concurrency, seconds);
  clearInterval(sampler);
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
  ];
  for (const app of [...BACKEND_APPS, 'gateway']) {
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
  return rows;
}
