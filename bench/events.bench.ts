import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { LeadSnapshot } from '#libs/contracts';
import { eventHeaders, newEvent } from '#libs/messaging';
import { percentile } from './lib/load.js';
import type { BenchRow } from './lib/report.js';
import type { BenchSuite } from './lib/suite.js';

const RATE = 1000;
const BUREAU = '320902';

/** A decided report lead, as the leads service's snapshot: one 17.1 fact for the metrics projection. */
function decidedLead(id: string, now: Date): LeadSnapshot {
  const date = now.toISOString().slice(0, 10);
  return {
    id,
    bureau: BUREAU,
    channel: 'report',
    online: true,
    status: 'decided',
    title: '网店销售假冒商品线索',
    assignee: 'bench',
    receivedAt: now.toISOString(),
    receivedDate: date,
    dueDate: date,
    provisional: false,
    extended: false,
    paused: false,
    outcome: 'no_case',
    decidedAt: now.toISOString(),
    reporterRealName: false,
    ruleSetId: 'penalty-2022',
  };
}

/**
 * P2: lead events written to the leads service's outbox at 1,000/s (those due every 5 ms in one
 * insert); the real relay publishes them, the metrics service projects them. An event is visible
 * when its projected record (and so its facts and rollup counts, same transaction) is committed
 * in the metrics schema; a poller looks every 10 ms. EVENTS_BENCH_SECONDS (default 20).
 */
export async function benchEventToIndicator(suite: BenchSuite): Promise<BenchRow[]> {
  const seconds = Number(process.env.EVENTS_BENCH_SECONDS ?? 20);
  const total = RATE * seconds;
  const pool = new pg.Pool({ connectionString: suite.db.url, max: 16 });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let sending = true;
  let deadline = Infinity;

  // Ids sort in sending order, so the poller reads a short primary-key range from the oldest
  // pending id instead of looking up every pending id (which would load the database it measures).
  const prefix = `bench-p2-${randomUUID().slice(0, 8)}-`;
  const poller = (async () => {
    const client = await pool.connect();
    try {
      while (sending || sentAt.size > 0) {
        const oldest = sentAt.keys().next().value;
        if (oldest !== undefined) {
          const { rows } = await client.query<{ id: string }>(`SELECT id FROM metrics.projected_records WHERE kind = 'lead' AND id >= $1 AND id < $2`, [oldest, `${prefix}~`]);
          const seen = performance.now();
          for (const { id } of rows) {
            const sent = sentAt.get(id);
            if (sent === undefined) continue;
            latencies.push(seen - sent);
            sentAt.delete(id);
          }
        }
        if (!sending && performance.now() > deadline) break;
        await sleep(10);
      }
    } finally {
      client.release();
    }
  })();

  // Where events wait, sampled each second: not yet published by the relay, or published but not yet projected.
  const backlog = { relay: 0, consumer: 0 };
  const sampler = setInterval(() => {
    void pool
      .query<{ unpublished: number; written: number; projected: number }>(
        `SELECT count(*) FILTER (WHERE o.published_at IS NULL)::int AS unpublished, count(*)::int AS written,
                (SELECT count(*) FROM metrics.projected_records WHERE kind = 'lead' AND id LIKE $1)::int AS projected
           FROM leads.outbox o WHERE o.type = 'lead.decided' AND o.envelope->>'aggregateId' LIKE $1`,
        [`${prefix}%`],
      )
      .then(({ rows: [r] }) => {
        backlog.relay = Math.max(backlog.relay, r.unpublished);
        backlog.consumer = Math.max(backlog.consumer, r.written - r.unpublished - r.projected);
      })
      .catch(() => undefined);
  }, 1000);
  const start = performance.now();
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < total; ) {
    // Every few ms, the events due by now in one INSERT: the pace holds on a busy machine.
    const due = Math.min(total, Math.floor(((performance.now() - start) * RATE) / 1000));
    const batch: { id: string; type: string; envelope: string; headers: string }[] = [];
    for (; i < due; i++) {
      const id = `${prefix}${String(i).padStart(8, '0')}`;
      const now = new Date();
      const event = newEvent({ type: 'lead.decided', aggregateType: 'lead', aggregateId: id, bureau: BUREAU, actor: { username: 'bench', role: 'officer', bureau: BUREAU }, payload: { snapshot: decidedLead(id, now) } }, now);
      sentAt.set(id, performance.now());
      batch.push({ id: event.id, type: event.type, envelope: JSON.stringify(event), headers: JSON.stringify(eventHeaders(event)) });
    }
    if (batch.length > 0) {
      writes.push(
        pool.query(
          `INSERT INTO leads.outbox (id, type, subject, envelope, headers)
           SELECT id, type, type, envelope::jsonb, headers::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS e(id, type, envelope, headers)`,
          [batch.map((e) => e.id), batch.map((e) => e.type), batch.map((e) => e.envelope), batch.map((e) => e.headers)],
        ),
      );
    }
    await sleep(5);
  }
  await Promise.all(writes);
  const sendSeconds = (performance.now() - start) / 1000;
  sending = false;
  deadline = performance.now() + 30_000;
  await poller;
  clearInterval(sampler);
  const lost = sentAt.size;

  const [{ n }] = (await pool.query<{ n: string }>(`SELECT coalesce(sum(n), 0) AS n FROM metrics.indicator_day_counts WHERE indicator = '17.1' AND bureau = $1 AND status = 'on_time'`, [BUREAU])).rows;
  await pool.end();
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  return [
    {
      id: 'P2',
      what: `lead event → indicator visible, ${total.toLocaleString('en')} events at ${(total / sendSeconds).toFixed(0)}/s via the leads outbox (${lost} not visible after 30 s; 17.1 counts ${n}; most waiting: ${backlog.relay} in the outbox, ${backlog.consumer} published but not yet projected)`,
      figure: `p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
      baseline: '–',
      ratio: '–',
      target: 'p99 < 500 ms at 1,000/s',
      met: lost === 0 && Number(n) === total && p99 < 500,
    },
  ];
}
