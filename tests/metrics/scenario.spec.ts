import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { IndicatorRow } from '#libs/contracts';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';

// Booting five services and the gateway takes longer than jest's 5 s default.
jest.setTimeout(60_000);

const TINGHU = '320902'; // 亭湖区: the bureau under assessment
const YANDU = '320903'; // 盐都区: a neighbour whose records must not leak into 亭湖's figures
const PERIOD = 'from=2026-03-01&to=2026-06-30';
/** 10:00 in Shanghai on a local date. */
const at = (date: string) => `${date}T10:00:00+08:00`;
/** Mon 2026-03-02: most records are received that day. March 2026 has no public holiday. */
const MON = at('2026-03-02');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/**
 * Issue #6, "done when": a scripted scenario driven only through the leads, complaints and cases
 * APIs, with every service of the suite running; the metrics projection builds itself from their
 * events, and each indicator for 亭湖, March–June 2026, must equal the figures counted by hand.
 */
describe('indicators from a scripted scenario through the services’ APIs', () => {
  let t: SuiteHarness;
  let officer: string;
  let officerYandu: string;
  let handler: string;
  let supervisor: string;
  let citySupervisor: string;
  let n = 0;
  const ids: Record<string, string> = {};

  async function call(method: string, url: string, token: string, payload?: unknown, status = 200): Promise<Json> {
    const res = await t.h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
    if (res.statusCode !== status) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Intake of an online lead, each with its own subject so none is flagged as a duplicate. */
  async function lead(name: string, channel: string, extra: Json = {}, token = officer): Promise<Json> {
    const seq = ++n;
    const body = { channel, online: true, receivedAt: MON, title: `网店违法线索 ${name}`, subject: { name: `盐城某某网店${seq}`, platform: '某平台', storeUrl: `https://shop.example.com/s${seq}` }, ...extra };
    const created = await call('POST', '/api/v1/leads', token, body, 201);
    ids[name] = created.id;
    return created;
  }
  const decide = (name: string, date: string, outcome = 'no_case', token = officer) =>
    call('POST', `/api/v1/leads/${ids[name]}/decision`, token, { outcome, decidedAt: at(date), reason: '核查完毕', ...(outcome === 'file_case' ? { procedure: 'ordinary' } : {}) });
  const reportBack = (name: string, date: string) => call('POST', `/api/v1/leads/${ids[name]}/report-back`, officer, { reportedAt: at(date) });

  async function complaint(name: string, channel = '12315'): Promise<Json> {
    const seq = ++n;
    const created = await call('POST', '/api/v1/complaints', handler, {
      online: true,
      channel,
      receivedAt: MON,
      consumer: { name: '张三', phone: '13800000000' },
      operator: { name: `盐城某某电子商务有限公司${seq}`, platform: '淘宝', storeUrl: `https://shop.example.com/c${seq}` },
      description: '商品与宣传不符，要求退款',
    }, 201);
    ids[name] = created.id;
    return created;
  }
  const act = (name: string, path: string, payload: unknown) => call('POST', `/api/v1/complaints/${ids[name]}/${path}`, handler, payload);

  /** A case filed by the cases service from a lead's file_case decision, decided without penalty. */
  async function caseFrom(name: string, caseId: string): Promise<void> {
    const until = Date.now() + 15_000;
    while ((await t.h.request({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { authorization: `Bearer ${officer}` } })).statusCode !== 200) {
      if (Date.now() > until) throw new Error(`case ${caseId} never filed from lead ${name}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    ids[name] = caseId;
    await call('POST', `/api/v1/cases/${caseId}/decision`, officer, { result: 'no_penalty', decidedAt: at('2026-04-10') });
  }
  const review = (name: string, kind: string, outcome: string, date: string, procedural?: boolean) =>
    call('POST', `/api/v1/cases/${ids[name]}/reviews`, officer, { kind, outcome, concludedAt: at(date), ...(procedural === undefined ? {} : { procedural }) }, 201);

  async function figures(bureau = TINGHU, token = supervisor): Promise<Record<string, IndicatorRow>> {
    const body = await call('GET', `/api/v1/indicators?bureau=${bureau}&${PERIOD}`, token);
    return Object.fromEntries((body.items as IndicatorRow[]).map((r) => [r.code, r]));
  }
  /** [on time, late, missing, numerator, denominator, value] of each indicator. */
  const summary = (f: Record<string, IndicatorRow>, codes: string[]) =>
    Object.fromEntries(codes.map((c) => [c, [f[c]!.onTime, f[c]!.late, f[c]!.missing, f[c]!.numerator, f[c]!.denominator, f[c]!.value]]));
  /** Polls the projection (bounded) until it shows `expected`; returns what it last showed. */
  async function projected(expected: Record<string, unknown[]>, bureau = TINGHU, token = supervisor) {
    const until = Date.now() + 20_000;
    for (;;) {
      const seen = summary(await figures(bureau, token), Object.keys(expected));
      if (JSON.stringify(seen) === JSON.stringify(expected) || Date.now() > until) return seen;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const itemIds = async (code: string, status: string) =>
    ((await call('GET', `/api/v1/indicators/${code}/items?bureau=${TINGHU}&${PERIOD}&status=${status}`, supervisor)).items as Json[]).map((i) => i.id).sort();

  beforeAll(async () => {
    // Fri 2026-06-26, 10:00 in Shanghai: everything below is back-filled before it.
    t = await startSuiteHarness({ now: '2026-06-26T02:00:00Z' });
    [officer, officerYandu, handler, supervisor, citySupervisor] = await Promise.all([
      t.token('officer', TINGHU),
      t.token('officer', YANDU),
      t.token('complaint_handler', TINGHU),
      t.token('supervisor', TINGHU),
      t.token('supervisor', '320900'),
    ]);

    // 17.1 report leads, received Mon 03-02 → due 15 WD later, Mon 03-23.
    expect((await lead('R1', 'report')).dueDate).toBe('2026-03-23');
    await decide('R1', '2026-03-10');
    await lead('R2', 'report');
    await decide('R2', '2026-03-20');
    await lead('R3', 'report');
    const k1 = (await decide('R3', '2026-03-12', 'file_case')).caseId as string;
    await lead('R4', 'report');
    const k2 = (await decide('R4', '2026-03-13', 'file_case')).caseId as string;
    await lead('R5', 'report');
    await decide('R5', '2026-03-25'); // two days late
    await lead('R6', 'report'); // never decided: due 03-23 passed with no event
    await lead('R7', 'report', { online: false });
    await decide('R7', '2026-03-30'); // offline: counts nowhere
    await lead('Y1', 'report', {}, officerYandu);
    await decide('Y1', '2026-03-30', 'no_case', officerYandu); // 盐都's, late

    // 17.2 assigned/supervised leads: the superior's 03-13 is earlier than 03-23, so it applies.
    expect((await lead('A1', 'assigned', { superiorDueDate: '2026-03-13' })).dueDate).toBe('2026-03-13');
    await decide('A1', '2026-03-09');
    await reportBack('A1', '2026-03-10');
    await lead('A2', 'supervised', { superiorDueDate: '2026-03-13' });
    await decide('A2', '2026-03-11');
    await reportBack('A2', '2026-03-18'); // reported back late
    await lead('A3', 'assigned', { superiorDueDate: '2026-03-13' });
    await decide('A3', '2026-03-12'); // decided, never reported back

    // 19 platform monitoring items with the platform's own deadline.
    expect((await lead('P1', 'platform_monitoring', { platformDueDate: '2026-03-06' })).dueDate).toBe('2026-03-06');
    await decide('P1', '2026-03-05');
    await lead('P2', 'platform_monitoring', { platformDueDate: '2026-03-06' });
    await decide('P2', '2026-03-09'); // verified late
    const p3 = await lead('P3', 'platform_monitoring', { receivedAt: at('2026-06-22'), platformDueDate: '2026-06-29' });
    expect(p3.dueDate).toBe('2026-06-29'); // open, not yet due on 06-26

    // 25 complaints received Mon 03-02 → acceptance due 7 WD later, Wed 03-11.
    expect((await complaint('C1')).acceptanceDueDate).toBe('2026-03-11');
    const c1 = await act('C1', 'acceptance', { accepted: true, decidedAt: at('2026-03-04') });
    await act('C1', 'mediation-result', { result: 'settled', endedAt: at('2026-03-20') });
    await act('C1', 'close', { closedAt: at('2026-03-23') });
    await act('C1', 'rating', { satisfaction: 'satisfied' });
    await complaint('C2');
    await act('C2', 'acceptance', { accepted: true, decidedAt: at('2026-03-13') }); // late
    await act('C2', 'mediation-result', { result: 'failed', endedAt: at('2026-03-27') });
    await act('C2', 'close', { closedAt: at('2026-03-30') });
    await act('C2', 'rating', { satisfaction: 'unsatisfied' });
    await complaint('C3');
    await act('C3', 'acceptance', { accepted: false, reason: 'not_consumer_dispute', decidedAt: at('2026-03-05') });
    await complaint('C4'); // acceptance never decided: due 03-11 passed with no event
    await complaint('C5');
    const c5 = await act('C5', 'acceptance', { accepted: true, decidedAt: at('2026-03-04') }); // mediation never ends
    for (const c of [c1, c5]) {
      // 25.2 is placed by the mediation due date: it must fall inside the period and before today.
      expect(c.mediationDueDate > '2026-03-01' && c.mediationDueDate < '2026-06-26').toBe(true);
    }

    // 26 ODR: routed to the enterprise before the bureau decides acceptance (so not in 25.1).
    for (const [name, result, closed] of [['O1', 'settled', '2026-03-25'], ['O2', 'failed', '2026-03-26']] as const) {
      await complaint(name, 'odr');
      await act(name, 'odr', { enterprise: '盐城某某电商平台有限公司', routedAt: at('2026-03-03') });
      const accepted = await act(name, 'odr/acceptance', { acceptedAt: at('2026-03-05') });
      expect(accepted.odr.closureDueDate > '2026-03-26' && accepted.odr.closureDueDate < '2026-06-26').toBe(true);
      await act(name, 'odr/result', { result, closedAt: at(closed) });
    }

    // 18 reviews of the two cases filed from R3 and R4 (both online, decided 04-10).
    await caseFrom('K1', k1);
    await caseFrom('K2', k2);
    await review('K1', 'reconsideration', 'upheld', '2026-05-10');
    await review('K1', 'litigation', 'won', '2026-05-20');
    await review('K2', 'reconsideration', 'revoked', '2026-05-12', true); // revoked for a procedural defect
    await review('K2', 'litigation', 'lost', '2026-05-25', false); // lost on the merits
  });
  afterAll(async () => t?.stop());

  it('counts every indicator for 亭湖, March–June, as counted by hand', async () => {
    // [on time, late, missing, numerator, denominator, value %]
    const expected = {
      // R1–R4 decided by 03-23; R5 decided 03-25 (late); R6 still open past 03-23 (missing, no
      // event ever said so); R7 offline and Y1 盐都's are not counted. 4 / 6.
      '17.1': [4, 1, 1, 4, 6, 66.67],
      // Due 03-13: A1 reported back 03-10; A2 on 03-18 (late); A3 never (missing). 1 / 3.
      '17.2a': [1, 1, 1, 1, 3, 33.33],
      // Completion of those received in the period: A1 and A2 reported back (lateness does not
      // matter here), A3 not and past due. 2 / 3.
      '17.2b': [2, 0, 1, 2, 3, 66.67],
      // Due 03-06: P1 verified 03-05, P2 on 03-09 (late); P3 due 06-29 is open and not yet due.
      '19.1': [1, 1, 0, 1, 2, 50],
      // P1 and P2 both verified; P3 not yet due counts in neither side. 2 / 2.
      '19.2': [2, 0, 0, 2, 2, 100],
      // Due 03-11: C1 (03-04), C3 refused (03-05), C5 (03-04) on time; C2 03-13 late; C4 never
      // decided (missing). O1/O2 went to ODR before acceptance: not here. 3 / 5.
      '25.1': [3, 1, 1, 3, 5, 60],
      // Accepted: C1 and C2 closed in March, well before their ~45 WD due dates; C5 never closed
      // and past due (missing). 2 / 3.
      '25.2': [2, 0, 1, 2, 3, 66.67],
      // Mediations ended: C1 settled, C2 failed. 1 / 2.
      '25.3': [1, 0, 1, 1, 2, 50],
      // Ratings: C1 satisfied, C2 unsatisfied. 1 / 2.
      '25.4': [1, 0, 1, 1, 2, 50],
      // ODR closed 03-25 and 03-26, both before their closure due dates. 2 / 2.
      '26a': [2, 0, 0, 2, 2, 100],
      // ODR closed: O1 settled, O2 failed. 1 / 2.
      '26b': [1, 0, 1, 1, 2, 50],
      // Reconsiderations concluded: K1 upheld, K2 revoked. 1 / 2.
      '18.1a': [1, 0, 1, 1, 2, 50],
      // Litigations concluded: K1 won, K2 lost. 1 / 2.
      '18.1b': [1, 0, 1, 1, 2, 50],
      // Four concluded reviews; one (K2's revoked reconsideration) overturned for a procedural
      // defect, K2's lost lawsuit was not procedural. The figure is the count: 1.
      '18.2': [3, 0, 1, 1, 4, 1],
    };
    expect(await projected(expected)).toEqual(expected);
    const f = await figures();
    expect(f['17.1']).toMatchObject({ threshold: 95, comparator: '>', met: false });
    expect(f['18.2']).toMatchObject({ met: false });

    // The drill-down names exactly the records behind the late and missing counts.
    expect(await itemIds('17.1', 'late')).toEqual([ids.R5]);
    expect(await itemIds('17.1', 'missing')).toEqual([ids.R6]);
    expect(await itemIds('17.2a', 'missing')).toEqual([ids.A3]);
    expect(await itemIds('25.1', 'missing')).toEqual([ids.C4]);
    expect(await itemIds('25.2', 'missing')).toEqual([ids.C5]);
    expect(await itemIds('19.1', 'on_time')).toEqual([ids.P1]);

    // 盐都 sees only its own late lead.
    expect(await projected({ '17.1': [0, 1, 0, 0, 1, 0] }, YANDU, citySupervisor)).toEqual({ '17.1': [0, 1, 0, 0, 1, 0] });
  });

  it('turns P3 late at the end of its due date with no event', async () => {
    // Tue 06-30: P3's due date 06-29 has ended; nothing was recorded for it.
    t.h.clock.set('2026-06-30T02:00:00Z');
    const expected = {
      '19.1': [1, 1, 1, 1, 3, 33.33], // P1 on time, P2 late, P3 missing
      '19.2': [2, 0, 1, 2, 3, 66.67], // P1, P2 verified; P3 not, past due
      '17.1': [4, 1, 1, 4, 6, 66.67], // unchanged
    };
    expect(summary(await figures(), Object.keys(expected))).toEqual(expected);
    expect(await itemIds('19.1', 'missing')).toEqual([ids.P3]);
  });
});
