import { within } from '#libs/testing';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { CommandBus } from '../../apps/gateway/src/common/command-bus.js';
import type { HttpResult } from '../support/gateway-harness.js';
import { startCasesHarness, uscc, type CasesHarness } from './cases-harness.js';

jest.setTimeout(60_000);

const NOW = '2026-11-27T02:00:00Z';
const TIMED_OUT = 'timed out: a transaction waited for a second connection';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The cases service on the smallest pool it accepts: two connections, one of them kept by the
 * outbox relay's LISTEN. Commands, evidence uploads, soft measures, the demo seed and the
 * lead.decided consumer then share one connection, so any of them reading through the pool while
 * holding a transaction waits for a connection only it could give back: the gateway answers 503
 * after its 5 s timeout (the pool gives up after its own 10 s), and the consumer files nothing.
 */
describe('cases service on a two-connection pool', () => {
  let t: CasesHarness;
  let officer: string;
  let officer903: string;
  let supervisor: string;

  const post = (id: string, path: string, payload: unknown, token = officer) => t.post(`/api/v1/cases/${id}/${path}`, token, payload);
  const upload = (id: string, bytes: Buffer) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ type: 'screenshot', sourceUrl: 'https://shop.example.com/item/1', capturedAt: '2026-11-26T10:00:00+08:00', method: '可信时间戳截屏' })) {
      form.append(k, v);
    }
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'shot.png');
    return t.h.request({ method: 'POST', url: `/api/v1/cases/${id}/evidence`, headers: { authorization: `Bearer ${officer}` }, payload: form });
  };
  /** Runs the commands one after the other; the statuses they got, in order. */
  const chain = async (...steps: (() => Promise<HttpResult>)[]) => {
    const statuses: number[] = [];
    for (const step of steps) statuses.push((await step()).statusCode);
    return statuses;
  };
  const fileFromLead = async (bureau = '320902', decidedAt = '2026-10-20T10:00:00+08:00') => {
    const caseId = uuidv7();
    await t.publishLeadDecided({ caseId, bureau, decidedAt, subject: { uscc: uscc(caseId.replace(/\D/g, '').slice(-9)), name: '盐城优品生活馆' } });
    return caseId;
  };
  /** What the database sessions of this run were doing: shows who waits for what when a command hung. */
  const sessions = async () =>
    (
      await t.db.query(
        `SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows;

  /** The work's result, or a failure naming what the database sessions were doing when it hung. */
  const bounded = async <T>(ms: number, work: Promise<T>): Promise<T> => {
    const result = await within(ms, work, TIMED_OUT);
    if (result === TIMED_OUT) throw new Error(`${TIMED_OUT}; sessions: ${JSON.stringify(await sessions(), null, 1)}`);
    return result as T;
  };
  const filedCount = async (ids: string[]) => Number((await t.db.query(`SELECT count(*) AS n FROM cases.cases WHERE id = ANY($1::uuid[])`, [ids])).rows[0].n);

  beforeAll(async () => {
    t = await startCasesHarness(NOW, { DATABASE_POOL_SIZE: '2' });
    [officer, officer903, supervisor] = await Promise.all([
      t.h.tokenFor('officer', '320902'),
      t.h.tokenFor('officer', '320903'),
      t.h.tokenFor('supervisor', '320902'),
    ]);
  }, 60_000);

  afterAll(async () => {
    // A hung service never gives its connections back, so it cannot shut down: left to --forceExit.
    if (t) await within(10_000, t.close(), TIMED_OUT);
  });

  it('files cases from events while commands, evidence, soft measures, the demo seed and reads run, every one answered', async () => {
    const worked = await Promise.all(Array.from({ length: 6 }, () => fileFromLead()));
    await bounded(15_000, Promise.all(worked.map((id) => t.waitForCase(id, officer))));
    const [procedure, clock, transferred, evidenced, measured, closedEarly] = worked as [string, string, string, string, string, string];
    const bytes = Buffer.alloc(1_300_000, 7); // more than one NATS message: the gateway sends it in parts
    bytes.write(`PNG ${evidenced}`, 0);
    const small = Buffer.from(`screenshot of ${evidenced}`);
    const bus = t.h.app.get(CommandBus);
    const seedActor = { username: 'seed:demo', role: 'admin' as const, bureau: '320904', visibleBureaus: ['320904'] };
    const reading = { done: false };

    const commands = Promise.all([
      // Filed from lead.decided while everything else runs (the seed works the 320904 ones).
      Promise.all([...Array.from({ length: 6 }, () => fileFromLead()), ...Array.from({ length: 3 }, () => fileFromLead('320904', '2026-06-01T10:00:00+08:00'))]),
      chain(
        () => post(procedure, 'steps', { step: 'notice', at: '2026-11-02T10:00:00+08:00' }),
        () => post(procedure, 'steps', { step: 'statement', at: '2026-11-04T10:00:00+08:00' }),
        () => post(procedure, 'steps', { step: 'legal_review', at: '2026-11-11T10:00:00+08:00' }),
        () => post(procedure, 'decision', { result: 'penalty', decidedAt: '2026-11-13T15:00:00+08:00', penalties: [{ type: 'fine', amount: 5000 }] }, supervisor),
        () => post(procedure, 'steps', { step: 'delivery', at: '2026-11-16T10:00:00+08:00' }),
        () => post(procedure, 'close', { closedAt: '2026-11-18T10:00:00+08:00' }),
        () => post(procedure, 'reviews', { kind: 'reconsideration', outcome: 'upheld' }),
      ),
      chain(
        () => post(clock, 'pauses', { reason: 'hearing', startedAt: '2026-10-25T09:00:00+08:00' }),
        () => post(clock, 'pauses/current/end', { endedAt: '2026-11-03T17:00:00+08:00' }),
        () => post(clock, 'extension', { kind: 'standard', reason: '案情复杂' }, supervisor),
        () => t.get(`/api/v1/cases/${clock}/clock`, officer),
      ),
      chain(
        () => post(transferred, 'steps', { step: 'notice', at: '2026-11-23T10:00:00+08:00' }),
        () => post(transferred, 'transfer', { toBureau: '320903', reason: '实际经营地' }),
        () => t.get(`/api/v1/cases/${transferred}`, officer903),
        () => post(transferred, 'police-transfer', { organ: '盐城市公安局亭湖分局', reason: '涉嫌销售假冒注册商标的商品罪', reportedAt: '2026-11-24T10:00:00+08:00' }, officer903),
      ),
      upload(evidenced, bytes).then(async (res) => {
        const id = res.statusCode === 201 ? (res.json().id as string) : 'none';
        const more = await upload(evidenced, small);
        const read = await t.get(`/api/v1/cases/${evidenced}/evidence/${id}`, officer);
        return [res.statusCode, more.statusCode, read.statusCode, read.statusCode === 200 ? read.json().integrity : read.body];
      }),
      chain(
        () => t.post('/api/v1/soft-measures', officer, { operatorUscc: uscc('333333333'), kind: 'interview', at: '2026-11-25T10:00:00+08:00', note: '约谈', caseId: measured }),
        () => post(measured, 'steps', { step: 'notice', at: '2026-11-20T10:00:00+08:00' }),
        () => t.post('/api/v1/soft-measures', officer, { operatorUscc: uscc('333333333'), kind: 'guidance', at: '2026-11-25T11:00:00+08:00', note: '行政指导' }),
        () => t.get(`/api/v1/soft-measures?operatorUscc=${uscc('333333333')}`, supervisor),
      ),
      chain(
        () => post(closedEarly, 'decision', { result: 'revoked', decidedAt: '2026-11-02T10:00:00+08:00' }),
        () => post(closedEarly, 'close', { closedAt: '2026-11-03T10:00:00+08:00' }),
        () => t.post('/api/v1/cases/simplified', officer, { subject: { uscc: uscc('222222222'), name: '路边摊' }, penalties: [{ type: 'fine', amount: 500 }] }),
      ),
      // Wait for the 320904 filings, so the seed has cases from leads to work.
      sleep(300).then(() =>
        bus
          .send<{ created: number }>('cases.seed_demo', { actor: seedActor, requestId: 'seed' }, { year: 2026, bureaus: ['320904'], perBureau: 6 }, 20_000)
          .catch((error: { body?: { statusCode?: number } }) => error.body?.statusCode ?? String(error)),
      ),
    ]);
    const reads = (async () => {
      const statuses = new Set<number>();
      while (!reading.done) {
        for (const url of ['/api/v1/cases?pageSize=50', '/api/v1/cases/queue', `/api/v1/cases/${worked[0]}`, `/api/v1/cases/${evidenced}`]) {
          statuses.add((await t.get(url, supervisor)).statusCode);
        }
      }
      return [...statuses];
    })();
    const [fromEvents, ...answered] = await bounded(15_000, commands).finally(() => (reading.done = true));
    expect(answered).toEqual([
      [201, 201, 201, 200, 201, 200, 201],
      [201, 200, 200, 200],
      [201, 200, 200, 200],
      [201, 201, 200, 'ok'],
      [201, 201, 201, 200],
      [200, 200, 201],
      expect.objectContaining({ created: expect.any(Number) }),
    ]);
    expect(await reads).toEqual([200]);

    // Every lead decision became a case, and the uploads are the bytes that were sent.
    for (const end = Date.now() + 10_000; Date.now() < end && (await filedCount(fromEvents)) < fromEvents.length; ) await sleep(50);
    expect(await filedCount(fromEvents)).toBe(fromEvents.length);
    const evidence = (await t.get(`/api/v1/cases/${evidenced}`, officer)).json().evidence.map((e: { sha256: string }) => e.sha256);
    expect(evidence.sort()).toEqual([bytes, small].map((b) => createHash('sha256').update(b).digest('hex')).sort());
  });
});
