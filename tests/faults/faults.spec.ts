/**
 * Issue 8, fault tests: intake load through the gateway while every backend service is
 * SIGKILLed in turn (≥ 20 kills), NATS is stopped and restarted and PostgreSQL restarted. Then
 * every acknowledged intake must be recorded once, its events in the stream once, and the
 * indicators must equal a recomputation from the records; a request that failed got a 503; every
 * acknowledged intake has exactly one audit entry and the audit hash chain is intact.
 * Runs the suite from dist/ against a private PostgreSQL cluster and nats-server.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { natsNames, type IndicatorRow } from '#libs/contracts';
import { BACKEND_APPS, freePort, PrivateNats, PrivatePostgres, uniquePrefix, waitFor, type AppName } from '#libs/testing';
import { localDateOf } from '#libs/clock';
import { resolvePeriod, type IndicatorFigure } from '#libs/domain';
import { auditStatusesByRequestId, consumerBacklog, factsFromTables, outboxRows, readStream, recomputeFigures, recordsByTag, streamMessageCount } from './census.js';
import { BUREAU, CLIENT_TIMEOUT_MS, runIntakeLoad, seededRandom, type IntakeKind, type IntakeOutcome } from './intake-load.js';
import { SuiteSupervisor } from './suite-supervisor.js';

const KILL_ROUNDS = 4;
const CLIENTS_PER_KIND = 2;
/** Below the client timeout, so a service that does not answer becomes the gateway's 503, not a hang. */
const GATEWAY_REQUEST_TIMEOUT_MS = 2500;
const PASSWORD = 'correct-horse-battery';
/** The gateway's 503 when no service took the command at all (apps/gateway CommandBus). */
const NOTHING_WRITTEN = '未写入任何数据';
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function runCli(env: Record<string, string>, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/apps/gateway/cli.js', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cli ${args[0]} failed (${code}): ${err}`))));
  });
}

/** A clear 503 in api.md's error format. */
function isServiceUnavailable(o: IntakeOutcome): boolean {
  const body = o.body as { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
  return o.status === 503 && body?.statusCode === 503 && body.code === 'SERVICE_UNAVAILABLE' && typeof body.message === 'string' && body.message.length > 0;
}

describe('the suite under faults', () => {
  let postgres: PrivatePostgres;
  let nats: PrivateNats;
  let suite: SuiteSupervisor;
  let env: Record<string, string>;
  let base: string;
  let tokens: Record<IntakeKind | 'supervisor' | 'admin', string>;
  let db: pg.Client | undefined;
  let nc: NatsConnection | undefined;

  const readiness = async () => {
    const res = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: (await res.json()) as { services: Record<string, { status: string }> } };
  };
  const serviceUp = (app: AppName) =>
    waitFor(async () => (await readiness()).body.services[app]?.status === 'ok', 60_000, `${app} to answer its health query`);

  beforeAll(async () => {
    [postgres, nats] = await Promise.all([PrivatePostgres.start(), PrivateNats.start()]);
    const url = await postgres.createDatabase('faults');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: url,
      NATS_URL: nats.url,
      NATS_PREFIX: uniquePrefix('faults'),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NATS_REQUEST_TIMEOUT_MS: String(GATEWAY_REQUEST_TIMEOUT_MS),
    };
    suite = new SuiteSupervisor(env);
    for (const app of [...BACKEND_APPS, 'gateway'] as const) suite.start(app);
    await waitFor(async () => (await readiness()).status === 200, 120_000, 'the suite to be ready').catch((error: Error) => {
      throw new Error(`${error.message}\n${suite.tail()}`);
    });
    const roles = { complaint: 'complaint_handler', lead: 'officer', supervisor: 'supervisor', admin: 'admin' } as const;
    await Promise.all(
      Object.values(roles).map((role) => runCli(env, ['user:create', '--username', `fault_${role}`, '--password', PASSWORD, '--role', role, '--bureau', BUREAU])),
    );
    const login = async (role: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `fault_${role}`, password: PASSWORD }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    tokens = { complaint: await login(roles.complaint), lead: await login(roles.lead), supervisor: await login(roles.supervisor), admin: await login(roles.admin) };
  }, 180_000);

  afterAll(async () => {
    await suite?.stopAll();
    await db?.end().catch(() => undefined);
    await nc?.close().catch(() => undefined);
    await nats?.dispose();
    await postgres?.dispose();
  });

  /** SIGKILLs every backend service in turn at random moments, with a NATS outage and a PostgreSQL restart among them. */
  async function faults(random: () => number, events: string[]): Promise<void> {
    const plan: AppName[] = [];
    for (let r = 0; r < KILL_ROUNDS; r++) plan.push(...[...BACKEND_APPS].sort(() => random() - 0.5));
    await sleep(2000);
    for (const [i, app] of plan.entries()) {
      if (i === Math.floor(plan.length * 0.4)) {
        await nats.stop();
        events.push('nats stopped');
        await sleep(3000);
        await nats.start();
        events.push('nats started');
      }
      if (i === Math.floor(plan.length * 0.7)) {
        await postgres.restart();
        events.push('postgres restarted');
      }
      await serviceUp(app);
      await sleep(300 + random() * 1700);
      await suite.kill(app);
      events.push(`killed ${app}`);
      await sleep(300 + random() * 1200);
      suite.start(app);
    }
    await sleep(2000);
  }

  it('keeps every acknowledged intake exactly once, in the records, the stream and the indicators', async () => {
    const random = seededRandom(SEED);
    const events: string[] = [];
    let stopLoad!: () => void;
    const until = new Promise<void>((resolve) => (stopLoad = resolve));
    const kinds: IntakeKind[] = ['complaint', 'lead'];
    const load = runIntakeLoad({ baseUrl: base, tokens, kinds, clientsPerKind: CLIENTS_PER_KIND, random: seededRandom(SEED + 1), until });
    const started = Date.now();
    try {
      await faults(random, events);
    } finally {
      stopLoad();
    }
    const outcomes = await load;
    const loadSeconds = (Date.now() - started) / 1000;
    const acked = outcomes.filter((o) => o.status === 201 && o.id);
    const unavailable = outcomes.filter(isServiceUnavailable);
    // Anything else (a timeout, a 500, a dropped connection) is a failure of the suite.
    const unexpected = outcomes.filter((o) => !acked.includes(o) && !unavailable.includes(o));

    // The suite converges: every service answers, every outbox row is published, every consumer caught up.
    await waitFor(async () => (await readiness()).status === 200, 90_000, 'the suite to be ready again').catch((error: Error) => {
      throw new Error(`${error.message}\n${suite.tail()}`);
    });
    db = new pg.Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    nc = await connect({ servers: nats.url });
    const names = natsNames(env.NATS_PREFIX);
    await waitFor(async () => (await outboxRows(db!)).every((r) => r.published), 60_000, 'every outbox row to be published');
    for (const service of BACKEND_APPS) {
      // An unanswered query is not a caught-up consumer: keep asking until the deadline.
      const backlog = () => consumerBacklog(nc!, names.eventStream, service).catch(() => -1);
      await waitFor(async () => (await backlog()) === 0, 60_000, `the ${service} consumers to catch up`);
    }

    // Records by the tag each intake carries: an acknowledged one exactly once, a failed one at most once.
    const recordIds = new Map<string, string[]>();
    for (const kind of kinds) for (const [tag, ids] of await recordsByTag(db, kind)) recordIds.set(tag, ids);
    const records = [...recordIds.values()].reduce((n, ids) => n + ids.length, 0);
    const recordProblems = [
      ...acked.filter((o) => JSON.stringify(recordIds.get(o.tag) ?? []) !== JSON.stringify([o.id])).map((o) => `${o.tag} acknowledged as ${o.id}, recorded as ${JSON.stringify(recordIds.get(o.tag) ?? [])}`),
      ...unavailable.filter((o) => (recordIds.get(o.tag) ?? []).length > 1).map((o) => `${o.tag} answered 503, recorded ${recordIds.get(o.tag)!.length} times`),
      // A 503 may leave the outcome open, but one that says nothing was written must be right.
      ...unavailable.filter((o) => recordIds.has(o.tag) && messageOf(o).includes(NOTHING_WRITTEN)).map((o) => `${o.tag} answered "${messageOf(o)}" but was recorded`),
    ];
    const failedButWritten = unavailable.filter((o) => recordIds.has(o.tag)).length;
    const saidNothingWritten = unavailable.filter((o) => messageOf(o).includes(NOTHING_WRITTEN)).length;

    // Stream: every outbox row exactly once by Nats-Msg-Id and nothing else; per acknowledged record, all its events.
    const outbox = await outboxRows(db);
    const stream = await readStream(nc, names.eventStream);
    const byMsgId = new Map<string, number>();
    for (const m of stream) byMsgId.set(m.msgId, (byMsgId.get(m.msgId) ?? 0) + 1);
    const outboxIds = new Set(outbox.map((r) => r.id));
    const outboxByAggregate = group(outbox, (r) => r.aggregateId, (r) => r.id);
    const streamByAggregate = group(stream, (m) => m.aggregateId, (m) => m.msgId);
    const streamProblems = [
      ...stream.filter((m) => m.msgId !== m.envelopeId).map((m) => `seq ${m.seq}: Nats-Msg-Id ${m.msgId} is not the envelope id ${m.envelopeId}`),
      ...outbox.filter((r) => byMsgId.get(r.id) !== 1).map((r) => `outbox ${r.id} is in the stream ${byMsgId.get(r.id) ?? 0} times`),
      ...stream.filter((m) => !outboxIds.has(m.msgId)).map((m) => `seq ${m.seq} ${m.type} comes from no outbox row`),
      ...acked
        .filter((o) => !outboxByAggregate.has(o.id!) || !sameIds(outboxByAggregate.get(o.id!)!, streamByAggregate.get(o.id!) ?? []))
        .map((o) => `${o.kind} ${o.id}: outbox ${JSON.stringify(outboxByAggregate.get(o.id!) ?? [])}, stream ${JSON.stringify(streamByAggregate.get(o.id!) ?? [])}`),
    ];
    const eventsOfAcked = acked.reduce((n, o) => n + (streamByAggregate.get(o.id!)?.length ?? 0), 0);
    const deadLetters = await streamMessageCount(nc, names.deadLetterStream).catch(() => 0);

    // Indicators: the metrics service's figures equal a recomputation from the services' tables.
    const facts = await factsFromTables(db, BUREAU);
    const periods = periodsCovering(localDateOf(new Date()));
    const indicatorProblems: string[] = [];
    let comparisons = 0;
    let withItems = 0;
    for (const period of periods) {
      const res = await fetch(`${base}/api/v1/indicators?bureau=${BUREAU}&from=${period.from}&to=${period.to}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
      expect(res.status).toBe(200);
      const reply = (await res.json()) as { today: string; items: IndicatorRow[] };
      const expected = recomputeFigures(facts, period, reply.today);
      for (const item of reply.items) {
        const [got, want] = [figureOf(item), figureOf(expected.get(item.code)!)];
        if (JSON.stringify(got) !== JSON.stringify(want)) indicatorProblems.push(`${item.code} ${period.from}~${period.to}: metrics ${JSON.stringify(got)}, recomputed ${JSON.stringify(want)}`);
        comparisons++;
        if (want.denominator > 0) withItems++;
      }
    }

    // Audit: the gateway answered 2xx only after the intake's entry was in the chain, so each
    // acknowledged request id is there exactly once, with the status the client saw.
    const auditByRequest = await auditStatusesByRequestId(db);
    const auditRows = [...auditByRequest.values()].reduce((n, statuses) => n + statuses.length, 0);
    const auditProblems = acked
      .filter((o) => !o.requestId || JSON.stringify(auditByRequest.get(o.requestId) ?? []) !== JSON.stringify([o.status]))
      .map((o) => `${o.tag} acknowledged ${o.status} as request ${o.requestId ?? '(no x-request-id)'}, audited ${JSON.stringify(o.requestId ? (auditByRequest.get(o.requestId) ?? []) : [])}`);
    const auditedAcked = acked.length - auditProblems.length;
    const unavailableAudited = unavailable.filter((o) => o.requestId && auditByRequest.has(o.requestId)).length;
    const verifyRes = await fetch(`${base}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const chain = (await verifyRes.json()) as { checked?: number; ok?: boolean; brokenAtSeq?: number };

    const count = (kind: IntakeKind, list: IntakeOutcome[]) => list.filter((o) => o.kind === kind).length;
    const statusCounts = JSON.stringify(Object.fromEntries([...group(unexpected, (o) => String(o.status), () => 1)].map(([k, v]) => [k, v.length])));
    console.log(
      [
        `[faults] seed=${SEED} load=${loadSeconds.toFixed(0)}s clients=${kinds.length * CLIENTS_PER_KIND} clientTimeout=${CLIENT_TIMEOUT_MS}ms gatewayTimeout=${GATEWAY_REQUEST_TIMEOUT_MS}ms`,
        `requests=${outcomes.length} acknowledged=${acked.length} (complaints ${count('complaint', acked)}, leads ${count('lead', acked)}) 503s=${unavailable.length} (saying nothing was written ${saidNothingWritten}, recorded anyway ${failedButWritten}) unexpected=${unexpected.length} ${statusCounts}`,
        `kills=${suite.kills} natsRestarts=${events.filter((e) => e === 'nats started').length} postgresRestarts=${events.filter((e) => e === 'postgres restarted').length} unplannedExits=${suite.crashes.length}${suite.crashes.length ? ` [${suite.crashes.join('; ')}]` : ''}`,
        `records=${records} streamMessages=${stream.length} outboxRows=${outbox.length} eventsOfAcknowledged=${eventsOfAcked} deadLetters=${deadLetters}`,
        `indicatorComparisons=${comparisons} (with items ${withItems}, facts ${facts.length}) mismatches=${indicatorProblems.length}`,
        `auditRows=${auditRows} auditedAcknowledged=${auditedAcked}/${acked.length} auditProblems=${auditProblems.length} 503sAudited=${unavailableAudited} chain=${chain.ok ? 'intact' : `broken at ${chain.brokenAtSeq}`} (checked ${chain.checked})`,
      ].join('\n  '),
    );

    if (unexpected.length > 0) console.log(`[faults] service errors logged:\n${suite.errorLines(10)}`);
    expect(unexpected.slice(0, 10).map((o) => `${o.kind} ${o.tag}: ${o.status} after ${o.ms} ms ${JSON.stringify(o.body)}`)).toEqual([]);
    expect(suite.kills).toBeGreaterThanOrEqual(20);
    expect(acked.length).toBeGreaterThan(0);
    expect(recordProblems.slice(0, 10)).toEqual([]);
    expect(streamProblems.slice(0, 10)).toEqual([]);
    expect(stream.length).toBe(outbox.length);
    expect(deadLetters).toBe(0);
    expect(indicatorProblems.slice(0, 10)).toEqual([]);
    expect(withItems).toBeGreaterThan(0);
    expect(auditProblems.slice(0, 10)).toEqual([]);
    expect(verifyRes.status).toBe(200);
    expect(chain).toEqual({ checked: auditRows, ok: true });
  }, 300_000);
});

/** This year, last year and the last four months: the back-filled receipts fall in them. */
function periodsCovering(today: string): { from: string; to: string }[] {
  const year = Number(today.slice(0, 4));
  const months = [0, 1, 2, 3].map((back) => {
    const m = Number(today.slice(5, 7)) - 1 - back;
    const y = year + Math.floor(m / 12);
    return `${y}-${String(((m % 12) + 12) % 12 + 1).padStart(2, '0')}`;
  });
  return [String(year), String(year - 1), ...months].map((period) => {
    const { from, to } = resolvePeriod({ period }, today);
    return { from, to };
  });
}

function messageOf(o: IntakeOutcome): string {
  return String((o.body as { message?: unknown } | undefined)?.message ?? '');
}

function group<T, V>(items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), value(item)]);
  return out;
}

function sameIds(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/** The parts of a figure that come from the counted items. */
function figureOf(f: IndicatorFigure) {
  return { onTime: f.onTime, late: f.late, missing: f.missing, numerator: f.numerator, denominator: f.denominator, value: f.value, met: f.met };
}
