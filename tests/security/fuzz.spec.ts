import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { natsNames } from '#libs/contracts';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';
import { fuzzGenerator, prng, writeRouteBodies, type FuzzRequest, type WriteRoute } from './fuzz-generator.js';
import { api, badTokens, complaintBody, expectStatus, fileCase, isErrorBody, leadBody, ROLES, usccFor, waitUntil, type TestRole } from './security-fixtures.js';

/** FUZZ_SEED=<n> reproduces a run; each failure names its request index and what was broken. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_500);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
const BUREAU = '320902';
/** Bookkeeping that a refused request may legitimately append to: the audit trail and consumer inboxes. */
const BOOKKEEPING = new Set(['gateway.audit_log', 'complaints.pii_reads', 'gateway.migrations']);

describe('fuzz: malformed requests on every write route', () => {
  let s: SuiteHarness;
  let db: pg.Client;
  let nc: NatsConnection;
  let routes: WriteRoute[];
  const tokens = {} as Record<TestRole, string>;
  const targets = { lead: '', case: '', complaint: '', uscc: '' };

  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await db.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('gateway', 'leads', 'cases', 'complaints', 'credit', 'metrics') AND table_type = 'BASE TABLE' AND table_name NOT IN ('inbox', 'migrations')
        ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows.filter((r) => !BOOKKEEPING.has(r.name))) {
      counts[name] = Number((await db.query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
    }
    return counts;
  }

  async function streamMessages(): Promise<number> {
    const jsm = await jetstreamManager(nc);
    return (await jsm.streams.info(natsNames(s.h.prefix).eventStream)).state.messages;
  }

  async function unpublished(): Promise<number> {
    let n = 0;
    for (const schema of ['gateway', 'leads', 'cases', 'complaints', 'credit', 'metrics']) {
      n += Number((await db.query(`SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`)).rows[0].n);
    }
    return n;
  }

  /** Until every outbox row is on the stream and nothing moves for a moment. */
  async function quiet(): Promise<{ rows: Record<string, number>; messages: number }> {
    let last = '';
    let state = { rows: {} as Record<string, number>, messages: 0 };
    await waitUntil(
      'the suite to settle',
      async () => {
        if ((await unpublished()) > 0) return false;
        state = { rows: await rowCounts(), messages: await streamMessages() };
        const now = JSON.stringify(state);
        const settled = now === last;
        last = now;
        return settled;
      },
      30_000,
    );
    return state;
  }

  beforeAll(async () => {
    s = await startSuiteHarness();
    db = new pg.Client({ connectionString: s.h.db.url });
    await db.connect();
    nc = await connect({ servers: '127.0.0.1:4222' });
    const a = api(s.h);
    for (const role of ROLES) tokens[role] = await s.token(role, BUREAU);
    const lead = await a.call('POST', '/api/v1/leads', tokens.officer, leadBody(BUREAU, 1));
    expectStatus(lead, 201, 'lead');
    targets.lead = lead.json().id;
    targets.case = (await fileCase(a, tokens.officer, BUREAU, 2)).caseId;
    const complaint = await a.call('POST', '/api/v1/complaints', tokens.complaint_handler, complaintBody(1));
    expectStatus(complaint, 201, 'complaint');
    targets.complaint = complaint.json().id;
    targets.uscc = usccFor(BUREAU, 3);
    expectStatus(await a.call('POST', '/api/v1/operators', tokens.officer, { uscc: targets.uscc, name: '盐城优选电子商务有限公司', kind: 'platform', domicileBureau: BUREAU }), 201, 'operator');

    const doc = (await s.h.request({ method: 'GET', url: '/api/docs-json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const bodies = writeRouteBodies();
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch'].includes(m))
        .map((m) => {
          const key = `${m.toUpperCase()} ${path}`;
          return { key, method: m.toUpperCase(), path, ...bodies[key] };
        }),
    );
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await s?.stop();
  });

  it('knows a valid body (or upload) for every write route in the OpenAPI document', () => {
    const bodies = writeRouteBodies();
    expect(routes.map((r) => r.key).filter((k) => !bodies[k])).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it(`answers ${REQUESTS} malformed requests with 4xx in the error format, never 5xx, and changes nothing`, async () => {
    const t0 = Date.now();
    const before = await quiet();
    console.log(`fuzz: settled before in ${Date.now() - t0} ms`);
    const rng = prng(SEED);
    const bad = badTokens(s.h, tokens.admin)['tampered role']!.replace(/^Bearer /, '');
    const generator = fuzzGenerator(rng, routes, targets, tokens, bad);
    const tally: Record<string, number> = {};
    const failures: string[] = [];
    let sent = 0;
    const slowest: [number, string][] = [];
    const byKind: Record<string, { n: number; ms: number }> = {};
    const started = Date.now();

    const fire = async (index: number, req: FuzzRequest) => {
      const where = `#${index} ${req.method} ${req.url.slice(0, 120)} [${req.label}]`;
      const t0 = Date.now();
      const res = await s.h.request(req).catch((error: Error) => ({ error }));
      sent++;
      slowest.push([Date.now() - t0, where]);
      const kind = req.label.split(/ at | \(|:/)[0]!;
      const k = (byKind[kind] ??= { n: 0, ms: 0 });
      k.n++;
      k.ms += Date.now() - t0;
      // (fetch's errors come from another realm than jest's, so no instanceof here)
      if ('error' in res) {
        tally.reset = (tally.reset ?? 0) + 1;
        failures.push(`${where} → no answer: ${String((res.error.cause as Error | undefined)?.message ?? res.error.message)}`);
        return;
      }
      tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode < 400) {
        if (!req.harmless2xx?.(res.json())) failures.push(`${where} → ${res.statusCode}: a malformed request was taken ${res.body.slice(0, 200)}`);
      } else {
        let body: unknown;
        try {
          body = res.json();
        } catch {
          body = undefined;
        }
        if (!isErrorBody(body) || (body as { statusCode: number }).statusCode !== res.statusCode) failures.push(`${where} → ${res.statusCode} not in the error format: ${res.body.slice(0, 200)}`);
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        // Generated synchronously in index order, so the seed alone fixes every request whatever the timing.
        while (next < REQUESTS) {
          const index = next++;
          await fire(index, generator.next(index));
        }
      }),
    );

    console.log(`fuzz: requests done in ${Date.now() - started} ms; mean ms by kind ${JSON.stringify(Object.entries(byKind).map(([k, v]) => [k, v.n, Math.round(v.ms / v.n)]).sort((x, y) => (y[2] as number) - (x[2] as number)).slice(0, 12))}`);
    const after = await quiet();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const fourxx = Object.entries(tally).filter(([code]) => code.startsWith('4')).reduce((n, [, c]) => n + c, 0);
    const fivexx = Object.entries(tally).filter(([code]) => code.startsWith('5')).reduce((n, [, c]) => n + c, 0);
    console.log(
      `fuzz (seed ${SEED}): ${sent} requests over ${routes.length} write routes in ${seconds} s — 4xx ${fourxx}, 5xx ${fivexx}, by status ${JSON.stringify(tally)}` +
        `\nslowest: ${slowest.sort((x, y) => y[0] - x[0]).slice(0, 8).map(([ms, w]) => `${ms} ms ${w}`).join('\n')}` +
        (failures.length ? `\nfirst failures:\n${failures.slice(0, 40).join('\n')}` : ''),
    );

    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(failures).toEqual([]);
    expect(fivexx).toBe(0);
    expect(after.rows).toEqual(before.rows);
    expect(after.messages).toBe(before.messages);
  }, 300_000);
});
