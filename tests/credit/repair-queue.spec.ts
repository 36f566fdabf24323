import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { caseDecided, eventually, startCreditHarness, usccIn, type CreditHarness } from './credit-harness.js';

const NOW = '2026-11-27T02:00:00Z';
const TINGHU = '320902';
const YANDU = '320903';
const YANCHENG = '320900';

jest.setTimeout(60_000);

describe('GET /api/v1/credit-repairs', () => {
  let h: CreditHarness;
  const token: Record<string, string> = {};
  const repairIds: Record<string, string> = {};
  const ops = { a: usccIn(TINGHU, 1), b: usccIn(TINGHU, 2), c: usccIn(YANDU, 3) };
  const queue = (who: string, qs = '') => h.call(token[who]!, 'GET', `/api/v1/credit-repairs${qs}`);
  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  /** An operator with a penalty decided 2026-03-01 (repairable from 2026-09-01) and a repair requested at `at`. */
  async function repairRequested(key: keyof typeof ops, bureau: string, officer: string, at: string) {
    const uscc = ops[key];
    expect((await h.call(token[officer]!, 'POST', '/api/v1/operators', { uscc, name: `经营者${key}`, kind: 'own_site', domicileBureau: bureau })).statusCode).toBe(201);
    await h.publish('case.decided', caseDecided({ id: `case-${key}`, bureau, subject: uscc, decidedAt: '2026-03-01T02:00:00Z' }), bureau);
    const credit = await eventually(
      () => h.call(token[officer]!, 'GET', `/api/v1/operators/${uscc}/credit`).then((r) => r.json()),
      (c) => c.record?.items?.length === 1,
    );
    h.gw.clock.set(at);
    const res = await h.call(token[officer]!, 'POST', `/api/v1/operators/${uscc}/credit-repairs`, { recordId: credit.record.items[0].id, reason: `已整改 ${key}` });
    expect(res.statusCode).toBe(201);
    repairIds[key] = res.json().id;
  }

  beforeAll(async () => {
    h = await startCreditHarness(NOW);
    token.tinghuOfficer = await h.gw.tokenFor('officer', TINGHU);
    token.tinghu = await h.gw.tokenFor('supervisor', TINGHU);
    token.yanduOfficer = await h.gw.tokenFor('officer', YANDU);
    token.yandu = await h.gw.tokenFor('supervisor', YANDU);
    token.city = await h.gw.tokenFor('supervisor', YANCHENG);
    token.handler = await h.gw.tokenFor('complaint_handler', TINGHU);
    await repairRequested('a', TINGHU, 'tinghuOfficer', '2026-11-27T01:00:00Z');
    await repairRequested('c', YANDU, 'yanduOfficer', '2026-11-27T02:00:00Z');
    await repairRequested('b', TINGHU, 'tinghuOfficer', '2026-11-27T03:00:00Z');
    const approved = await h.call(token.tinghu!, 'POST', `/api/v1/credit-repairs/${repairIds.a}/decision`, { approved: true, reason: '整改到位' });
    expect(approved.statusCode).toBe(200);
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  }, 60_000);

  it('lists what waits for a decision in the own bureau only, oldest first, with the operator and the record', async () => {
    const pending = await queue('tinghu', '?status=pending');
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(pending.json().items).toEqual([
      expect.objectContaining({ id: repairIds.b, uscc: ops.b, status: 'pending', operatorName: '经营者b', reason: '已整改 b', record: { date: '2026-03-01', description: expect.stringContaining('罚款') } }),
    ]);
    expect(ids(await queue('yandu', '?status=pending'))).toEqual([repairIds.c]);
    expect(ids(await queue('city', '?status=pending'))).toEqual([repairIds.c, repairIds.b]);
  });

  it('filters by status and lists every status without one', async () => {
    expect(ids(await queue('tinghu', '?status=approved'))).toEqual([repairIds.a]);
    expect((await queue('tinghu', '?status=approved')).json().items[0].decision).toMatchObject({ approved: true, decidedBy: expect.any(String) });
    expect((await queue('tinghu', '?status=rejected')).json()).toMatchObject({ items: [], total: 0 });
    // History reads newest first.
    expect(ids(await queue('tinghu'))).toEqual([repairIds.b, repairIds.a]);
    expect(ids(await queue('yandu', '?status=approved'))).toEqual([]);
  });

  it('pages', async () => {
    const second = await queue('city', '?pageSize=1&page=2');
    expect(second.json()).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(ids(second)).toEqual([repairIds.c]);
    expect((await queue('city', '?pageSize=2&page=3')).json()).toMatchObject({ items: [], total: 3 });
  });

  it('lets a supervisor decide straight from the queue, which empties it', async () => {
    const decided = await h.call(token.yandu!, 'POST', `/api/v1/credit-repairs/${repairIds.c}/decision`, { approved: false, reason: '材料不全' });
    expect(decided.statusCode).toBe(200);
    expect(ids(await queue('yandu', '?status=pending'))).toEqual([]);
    expect(ids(await queue('yandu', '?status=rejected'))).toEqual([repairIds.c]);
  });

  it.each([
    ['?status=open', 'status'],
    ['?page=0', 'page'],
    ['?page=abc', 'page'],
    ['?pageSize=201', 'pageSize'],
    ['?pageSize=-1', 'pageSize'],
    ['?bureau=320902', 'bureau'],
  ])('refuses %s with 400 naming the field', async (qs, field) => {
    const res = await queue('tinghu', qs);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details ?? res.json())).toContain(field);
  });

  it('is not for complaint handlers', async () => {
    expect((await queue('handler', '?status=pending')).statusCode).toBe(403);
  });
});
