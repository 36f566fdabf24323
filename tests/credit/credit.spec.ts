import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import ExcelJS from 'exceljs';
import { loadConfig } from '#libs/config';
import { natsNames, type Actor, type CaseSnapshot, type ComplaintSnapshot, type LeadSnapshot } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { startService } from '#libs/service-kit';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const NOW = '2026-11-27T02:00:00Z';
const BUREAU = '320902';
const OTHER = '320903';

function uscc(seq: number): string {
  const body = `91${BUREAU}${String(seq).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

jest.setTimeout(60_000);

describe('credit service', () => {
  let gw: GatewayHarness;
  let credit: INestApplication;
  let replayDb: TestDatabase | undefined;
  let nc: NatsConnection;
  let officer: string;
  let supervisor: string;
  let outsider: string;
  const actor: Actor = { username: 'upstream', role: 'officer', bureau: BUREAU };

  const startCredit = (url: string) => {
    const config = loadConfig(CreditConfig, { ...gw.env, DATABASE_URL: url });
    return startService(CreditModule.register(config, { clock: gw.clock }), 'credit', config);
  };
  const call = (token: string, method: string, url: string, payload?: unknown) =>
    gw.request({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
  const publish = async (type: string, payload: unknown, occurredAt = NOW) => {
    const event = newEvent({ type, aggregateType: type.split('.')[0]!, aggregateId: 'x', bureau: BUREAU, actor, payload, occurredAt }, new Date(NOW));
    await jetstream(nc).publish(natsNames(gw.prefix).eventSubject(type), JSON.stringify(event), { msgID: event.id });
  };
  const creditOf = (u: string, asOf?: string) => call(officer, 'GET', `/api/v1/operators/${u}/credit${asOf ? `?asOf=${asOf}` : ''}`).then((r) => r.json());
  const codes = (c: { factors: { code: string }[] }) => c.factors.map((f) => f.code).sort();
  const decided = (id: string, subject: string, decidedAt: string, penalties: { type: string; amount?: number }[]) => ({
    snapshot: { id, bureau: BUREAU, originBureau: BUREAU, online: true, procedure: 'ordinary', status: 'decided', assignee: 'o', filedAt: '2026-01-05T02:00:00Z', filedDate: '2026-01-05', provisional: false, decidedAt, subjectUscc: subject, decision: { result: 'penalty', penalties }, reviews: [], ruleSetId: 'r' } satisfies CaseSnapshot,
    decidedAt,
  });

  beforeAll(async () => {
    gw = await startGatewayHarness({ now: NOW });
    credit = await startCredit(gw.db.url);
    nc = await connect({ servers: '127.0.0.1:4222' });
    officer = await gw.tokenFor('officer', BUREAU, 'officer_a');
    await gw.tokenFor('officer', BUREAU, 'officer_b');
    await gw.tokenFor('officer', BUREAU, 'officer_c');
    supervisor = await gw.tokenFor('supervisor', BUREAU);
    outsider = await gw.tokenFor('supervisor', OTHER);
  }, 60_000);

  afterAll(async () => {
    await credit?.close();
    await nc?.close();
    await replayDb?.drop();
    await gw?.close();
  }, 60_000);

  it('registers an operator, refuses a wrong check character and hides it from other bureaus', async () => {
    const bad = await call(officer, 'POST', '/api/v1/operators', { uscc: '91320902000000001X', name: '错码', kind: 'platform', domicileBureau: BUREAU });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_USCC');
    const ok = await call(officer, 'POST', '/api/v1/operators', { uscc: uscc(1), name: '盐城优选电子商务有限公司', kind: 'platform', domicileBureau: BUREAU });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ uscc: uscc(1), grade: 'A', complete: true });
    expect((await call(officer, 'POST', '/api/v1/operators', { uscc: uscc(1), name: 'x', kind: 'platform', domicileBureau: BUREAU })).statusCode).toBe(409);
    expect((await call(outsider, 'GET', `/api/v1/operators/${uscc(1)}`)).statusCode).toBe(404);
    const list = await call(officer, 'GET', '/api/v1/operators?q=优选');
    expect(list.json().items.map((o: { uscc: string }) => o.uscc)).toEqual([uscc(1)]);
  });

  it('registers an operator first met in a lead and completes it later', async () => {
    const lead = { id: 'lead-1', bureau: BUREAU, subjectUscc: uscc(2), subjectName: '线索经营者' } as Partial<LeadSnapshot>;
    await publish('lead.received', { snapshot: lead });
    const found = await eventually(() => call(officer, 'GET', `/api/v1/operators/${uscc(2)}`), (r) => r.statusCode === 200);
    expect(found.json()).toMatchObject({ kind: 'other', complete: false, registeredFrom: 'lead', name: '线索经营者' });
    const patched = await call(officer, 'PATCH', `/api/v1/operators/${uscc(2)}`, { kind: 'in_platform', domicileBureau: BUREAU, platform: '淘宝', sector: 'food' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ kind: 'in_platform', complete: true, sector: 'food' });
  });

  it('pins each grading factor from events and recomputes a past date', async () => {
    await publish('case.decided', decided('case-1', uscc(1), '2026-03-01T02:00:00Z', [{ type: 'fine', amount: 50_000 }]));
    const heavy = await eventually(() => creditOf(uscc(1)), (c) => codes(c).includes('HEAVY_PENALTY'));
    expect(heavy).toMatchObject({ grade: 'C', score: 30, ruleVersion: 'credit-grade-2026.1' });
    expect(await creditOf(uscc(1), '2026-02-28')).toMatchObject({ grade: 'A', factors: [], asOf: '2026-02-28' });

    await publish('soft_measure.recorded', { id: 'sm-1', operatorUscc: uscc(1), kind: 'interview', at: '2026-10-10T02:00:00Z', note: '约谈', bureau: BUREAU, recordedBy: 'o' });
    const complaint = { id: 'c-1', bureau: BUREAU, online: true, channel: '12315', status: 'mediation_ended', handler: 'h', receivedAt: '2026-09-01T02:00:00Z', receivedDate: '2026-09-01', acceptanceDueDate: '2026-09-10', mediationResult: 'failed', mediationEndedAt: '2026-10-20T02:00:00Z', operatorUscc: uscc(1), ruleSetId: 'r', ruleUnconfirmed: false, provisional: false } satisfies ComplaintSnapshot;
    await publish('complaint.mediation_ended', { snapshot: complaint });
    const all = await eventually(() => creditOf(uscc(1)), (c) => codes(c).length === 4);
    expect(codes(all)).toEqual(['COMPLAINT_UNSETTLED', 'COMPLAINT_VOLUME', 'HEAVY_PENALTY', 'SOFT_MEASURE']);
    expect(all.score).toBe(30 + 5 + 2 + 3);

    const commitment = await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/records`, { kind: 'commitment', date: '2026-11-01', description: '信用承诺' });
    expect(commitment.statusCode).toBe(201);
    await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/records`, { kind: 'positive', date: '2026-11-02', description: '守合同重信用' });
    expect(await creditOf(uscc(1))).toMatchObject({ score: 40 - 5 - 5, grade: 'C' });

    const entered = await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/list-entries`, { list: 'abnormal_operation', enteredAt: '2026-11-20', reason: '无法联系' });
    expect(entered.statusCode).toBe(201);
    expect((await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/list-entries`, { list: 'abnormal_operation', enteredAt: '2026-11-21', reason: '再次' })).statusCode).toBe(409);
    expect(await creditOf(uscc(1))).toMatchObject({ score: 55, grade: 'D' });
    const removed = await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/list-entries/${entered.json().id}/removal`, { removedAt: '2026-11-26', reason: '已恢复联系' });
    expect(removed.statusCode).toBe(200);
    expect(await creditOf(uscc(1))).toMatchObject({ score: 30, grade: 'C' });
    expect(await creditOf(uscc(1), '2026-11-25')).toMatchObject({ score: 55, grade: 'D' });

    await call(officer, 'POST', `/api/v1/operators/${uscc(2)}/list-entries`, { list: 'serious_dishonesty', enteredAt: '2026-11-01', reason: '严重违法', category: 'life_health' });
    expect(await creditOf(uscc(2))).toMatchObject({ grade: 'D' });
  });

  it('allows a repair only after the minimum publication and refuses excluded cases', async () => {
    const record = (await creditOf(uscc(1))).record.items.find((i: { kind: string }) => i.kind === 'penalty');
    const refusedByOfficer = await call(officer, 'POST', `/api/v1/operators/${uscc(1)}/credit-repairs`, { recordId: record.id, reason: '已整改' });
    expect(refusedByOfficer.statusCode).toBe(201);
    const repairId = refusedByOfficer.json().id;
    expect((await call(officer, 'POST', `/api/v1/credit-repairs/${repairId}/decision`, { approved: true, reason: 'x' })).statusCode).toBe(403);
    const approved = await call(supervisor, 'POST', `/api/v1/credit-repairs/${repairId}/decision`, { approved: true, reason: '整改到位，公示满六个月' });
    expect(approved.json()).toMatchObject({ status: 'approved', decision: { approved: true, decidedDate: '2026-11-27' } });
    const again = await call(supervisor, 'POST', `/api/v1/credit-repairs/${repairId}/decision`, { approved: false, reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect((await creditOf(uscc(1))).factors.map((f: { code: string }) => f.code)).not.toContain('HEAVY_PENALTY');
    expect(codes(await creditOf(uscc(1), '2026-11-26'))).toContain('HEAVY_PENALTY');

    // Food operator: 12 months; and on the life/health dishonesty list: never.
    await publish('case.decided', decided('case-2', uscc(2), '2026-03-01T02:00:00Z', [{ type: 'fine', amount: 20_000 }]));
    const food = await eventually(() => creditOf(uscc(2)), (c) => codes(c).includes('HEAVY_PENALTY'));
    const foodRecord = food.record.items.find((i: { kind: string }) => i.kind === 'penalty');
    const excluded = await call(officer, 'POST', `/api/v1/operators/${uscc(2)}/credit-repairs`, { recordId: foodRecord.id, reason: '整改' });
    expect(excluded.statusCode).toBe(409);
    expect(excluded.json().code).toBe('REPAIR_EXCLUDED');
    const entry = food.record.listEntries[0];
    await call(officer, 'POST', `/api/v1/operators/${uscc(2)}/list-entries/${entry.id}/removal`, { removedAt: '2026-11-27', reason: '期满移出' });
    const early = await call(officer, 'POST', `/api/v1/operators/${uscc(2)}/credit-repairs`, { recordId: foodRecord.id, reason: '整改' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'REPAIR_NOT_YET_ALLOWED' });
    expect(early.json().message).toContain('2027-03-01');
  });

  it('draws reproducibly from a seed, proportionally to the policy, and exports the draw', async () => {
    for (let i = 10; i < 30; i++) {
      expect((await call(officer, 'POST', '/api/v1/operators', { uscc: uscc(i), name: `经营者${i}`, kind: 'own_site', domicileBureau: BUREAU })).statusCode).toBe(201);
    }
    const policy = { A: { samplingRatio: 0.25, checksPerYear: 1 }, B: { samplingRatio: 0.3, checksPerYear: 1 }, C: { samplingRatio: 0.5, checksPerYear: 2 }, D: { samplingRatio: 1, checksPerYear: 4 } };
    expect((await call(officer, 'PUT', `/api/v1/inspections/policies/${BUREAU}`, policy)).statusCode).toBe(403);
    expect((await call(supervisor, 'PUT', `/api/v1/inspections/policies/${BUREAU}`, { ...policy, D: { samplingRatio: 0.1, checksPerYear: 4 } })).statusCode).toBe(400);
    expect((await call(supervisor, 'PUT', `/api/v1/inspections/policies/${BUREAU}`, policy)).json()).toMatchObject({ isDefault: false, policy });
    const first = (await call(supervisor, 'POST', '/api/v1/inspections/draws', { campaign: '2026 第四季度', bureau: BUREAU, seed: 'seed-1' })).json();
    const second = (await call(supervisor, 'POST', '/api/v1/inspections/draws', { campaign: '2026 第四季度', bureau: BUREAU, seed: 'seed-1' })).json();
    expect(second.items).toEqual(first.items);
    expect(first.seed).toBe('seed-1');
    // 20 clean operators plus the repaired one are A; the food operator's penalty makes it C.
    expect(first.perGrade).toEqual({
      A: { population: 21, ratio: 0.25, drawn: 5 },
      B: { population: 0, ratio: 0.3, drawn: 0 },
      C: { population: 1, ratio: 0.5, drawn: 1 },
      D: { population: 0, ratio: 1, drawn: 0 },
    });
    expect(first.items).toHaveLength(6);
    for (const item of first.items) {
      expect(item.inspectors[0]).not.toBe(item.inspectors[1]);
      expect(['officer_a', 'officer_b', 'officer_c']).toEqual(expect.arrayContaining(item.inspectors));
    }
    const fetched = await call(officer, 'GET', `/api/v1/inspections/draws/${first.id}`);
    expect(fetched.json().items).toEqual(first.items);
    const xlsx = await fetch(`${gw.baseUrl}/api/v1/inspections/draws/${first.id}/export.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.getWorksheet('抽查结果')!.rowCount).toBe(first.items.length + 1);
    expect((await call(outsider, 'GET', `/api/v1/inspections/draws/${first.id}`)).statusCode).toBe(404);
  });

  it('rebuilds the same credit record by replaying the events into an empty database', async () => {
    const before = [await creditOf(uscc(1)), await creditOf(uscc(2)), await creditOf(uscc(1), '2026-11-25')];
    const pending = async () => Number((await credit.get((await import('typeorm')).DataSource).query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);
    await eventually(pending, (n) => n === 0);
    await credit.close();
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.delete(natsNames(gw.prefix).eventStream, 'credit');
    replayDb = await createTestDatabase('credit_replay');
    credit = await startCredit(replayDb.url);
    const rebuilt = await eventually(() => creditOf(uscc(2)), (c) => c.grade === before[1].grade && c.record?.items?.length === before[1].record.items.length);
    expect(rebuilt).toEqual(before[1]);
    expect(await eventually(() => creditOf(uscc(1)), (c) => JSON.stringify(c) === JSON.stringify(before[0]))).toEqual(before[0]);
    expect(await creditOf(uscc(1), '2026-11-25')).toEqual(before[2]);
  });
});
