import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HttpResult } from '../support/gateway-harness.js';
import { eventually, requestIdOf, startE2e, uscc, type E2eHarness, type Event, type Json } from './e2e-harness.js';

const TINGHU = '320902'; // 亭湖区
const YANDU = '320903'; // 盐都区

/**
 * One lead from intake to a closed case through the gateway, with every service of the suite
 * running: leads → (lead.decided) → cases → (case.decided) → credit, and metrics counting the lead.
 */
describe('lead to closed case, end to end', () => {
  let t: E2eHarness;
  let officer: string;
  let supervisor: string;
  let receiver: string;
  let citySupervisor: string;
  const operator = uscc('880001');
  /** Request id of each HTTP change, by the event type it must carry as correlation id. */
  const requests: { type: string; requestId: string }[] = [];

  beforeAll(async () => {
    t = await startE2e(['leads', 'cases', 'complaints', 'credit', 'metrics'], '2026-11-27T02:00:00Z');
    [officer, supervisor, receiver, citySupervisor] = await Promise.all([
      t.token('officer', TINGHU),
      t.token('supervisor', TINGHU),
      t.token('officer', YANDU),
      t.token('supervisor', '320900'),
    ]);
  });
  afterAll(async () => t?.close());

  /** A change that must succeed; remembers its request id for the event it emits. */
  async function change(eventType: string, method: string, url: string, token: string, payload: unknown, status = 200): Promise<Json> {
    const res = await t.call(method, url, token, payload);
    if (res.statusCode !== status) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
    requests.push({ type: eventType, requestId: requestIdOf(res) });
    return res.json();
  }
  const get = async (url: string, token: string): Promise<HttpResult> => t.call('GET', url, token);

  it('runs intake → pause → resume → extension → file_case → transfer → steps → penalty → delivery → close', async () => {
    // Intake of an online report lead, back-dated: 15 WD after Mon 2026-11-02 is 2026-11-23.
    const lead = await change('lead.received', 'POST', '/api/v1/leads', officer, {
      channel: 'report',
      online: true,
      receivedAt: '2026-11-02T09:00:00+08:00',
      title: '网店销售假冒品牌运动鞋',
      subject: { uscc: operator, name: '盐城某某体育用品有限公司', platform: '某平台', storeUrl: 'https://shop.example.com/880001' },
    }, 201);
    expect(lead).toMatchObject({ bureau: TINGHU, channel: 'report', online: true, status: 'received', dueDate: '2026-11-23', extended: false });
    const leadUrl = `/api/v1/leads/${lead.id}`;

    // Worked example (domain.md §2): received 11-02, paused 11-05 … 11-11 (testing) → 2026-11-30.
    const paused = await change('lead.paused', 'POST', `${leadUrl}/pauses`, officer, { reason: 'testing', startedAt: '2026-11-05T09:00:00+08:00' });
    expect(paused.status).toBe('paused');
    const resumed = await change('lead.resumed', 'POST', `${leadUrl}/pauses/current/end`, officer, { endedAt: '2026-11-11T17:00:00+08:00' });
    expect(resumed).toMatchObject({ status: 'verifying', dueDate: '2026-11-30', pauses: [{ reason: 'testing' }] });
    const clock = (await get(`${leadUrl}/clock`, officer)).json();
    expect(clock.dueDate).toBe('2026-11-30');
    expect(clock.explanation.segments.some((s: { kind: string; reason?: string }) => s.kind === 'pause' && s.reason === 'testing')).toBe(true);

    // One extension of 15 WD, by a supervisor only: 30 WD after receipt plus the paused ones.
    expect((await t.call('POST', `${leadUrl}/extension`, officer, { reason: '需调取平台交易数据' })).statusCode).toBe(403);
    const extended = await change('lead.extended', 'POST', `${leadUrl}/extension`, supervisor, { reason: '需调取平台交易数据' });
    expect(extended).toMatchObject({ extended: true, dueDate: '2026-12-21' });

    const decided = await change('lead.decided', 'POST', `${leadUrl}/decision`, officer, { outcome: 'file_case', procedure: 'ordinary' });
    expect(decided).toMatchObject({ status: 'decided', outcome: 'file_case', onTime: true });
    const caseId = decided.caseId as string;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    // case.filed is caused by the decision request (carried through lead.decided).
    requests.push({ type: 'case.filed', requestId: requests.at(-1)!.requestId });

    // The cases service files it from lead.decided: filed Fri 2026-11-27, 90 days → Thu 2027-02-25.
    const caseUrl = `/api/v1/cases/${caseId}`;
    const filed = (await eventually('case filed', () => get(caseUrl, officer), (r) => r.statusCode === 200)).json();
    expect(filed).toMatchObject({ id: caseId, leadId: lead.id, bureau: TINGHU, originBureau: TINGHU, procedure: 'ordinary', status: 'filed', filedDate: '2026-11-27', dueDate: '2027-02-25', readOnly: false });
    expect((await get(caseUrl, receiver)).statusCode).toBe(404);
    // 2027's holidays may not be published yet: then the date is provisional, and says so.
    const calendar = (await get('/api/v1/calendar/add?from=2026-11-27&days=90&kind=calendar', officer)).json();
    expect(calendar.dueDate).toBe('2027-02-25');
    expect(filed.provisional).toBe(calendar.provisional);

    // Transfer to 盐都 (in-platform operator → its actual place of business).
    const basis = { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: YANDU };
    const moved = await change('case.transferred', 'POST', `${caseUrl}/transfer`, officer, { toBureau: YANDU, reason: '经营者实际经营地在盐都区', basis });
    expect(moved).toMatchObject({ bureau: YANDU, originBureau: TINGHU, transfers: [{ from: TINGHU, to: YANDU }] });
    expect((await get(caseUrl, receiver)).json()).toMatchObject({ bureau: YANDU, readOnly: false });
    expect((await get(caseUrl, officer)).json()).toMatchObject({ bureau: YANDU, readOnly: true });
    expect((await t.call('POST', `${caseUrl}/steps`, officer, { step: 'notice', at: '2026-11-27T09:30:00+08:00' })).statusCode).toBe(403);
    const onward = await t.call('POST', `${caseUrl}/transfer`, receiver, { toBureau: '320904', reason: '再移送' });
    expect(onward.statusCode).toBe(409);
    expect(onward.json()).toMatchObject({ code: 'ALREADY_TRANSFERRED' });

    // Time moves on; the receiver works the case.
    t.h.clock.set('2026-12-15T02:00:00Z');
    const noticed = await change('case.step_recorded', 'POST', `${caseUrl}/steps`, receiver, { step: 'notice', at: '2026-11-30T10:00:00+08:00' }, 201);
    // Hearing request: 5 working days after Mon 2026-11-30 → Mon 2026-12-07.
    expect(noticed.hearingRequestDueDate).toBe('2026-12-07');
    await change('case.step_recorded', 'POST', `${caseUrl}/steps`, receiver, { step: 'legal_review', at: '2026-12-08T10:00:00+08:00' }, 201);
    const penalty = await change('case.decided', 'POST', `${caseUrl}/decision`, receiver, {
      result: 'penalty',
      decidedAt: '2026-12-10T15:00:00+08:00',
      penalties: [{ type: 'warning' }, { type: 'fine', amount: 50_000 }],
    });
    expect(penalty).toMatchObject({ status: 'decided', onTime: true, decision: { result: 'penalty' } });
    expect((await t.call('POST', `${caseUrl}/close`, receiver, {})).statusCode).toBe(409); // not served yet
    await change('case.step_recorded', 'POST', `${caseUrl}/steps`, receiver, { step: 'delivery', at: '2026-12-11T10:00:00+08:00' }, 201);
    const closed = await change('case.closed', 'POST', `${caseUrl}/close`, receiver, { closedAt: '2026-12-14T10:00:00+08:00' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-12-14T02:00:00.000Z', bureau: YANDU });
    expect((await get(caseUrl, officer)).json()).toMatchObject({ status: 'closed', readOnly: true });

    // Events: every service relayed its outbox; read the run's stream with an ordered consumer.
    await t.outboxesDrained();
    const stream = await t.streamEvents();
    const ofLead = stream.filter((e) => e.aggregateId === lead.id);
    const ofCase = stream.filter((e) => e.aggregateId === caseId);
    console.log('lead events:', ofLead.map((e) => e.type).join(', '));
    console.log('case events:', ofCase.map((e) => e.type).join(', '));
    expect(ofLead.map((e) => e.type)).toEqual(['lead.received', 'lead.paused', 'lead.resumed', 'lead.extended', 'lead.decided']);
    expect(ofCase.map((e) => e.type)).toEqual(['case.filed', 'case.transferred', 'case.step_recorded', 'case.step_recorded', 'case.decided', 'case.step_recorded', 'case.closed']);
    // Each change's event carries the id of the HTTP request that caused it, in order.
    const observed = [...ofLead, ...ofCase].map((e) => ({ type: e.type, requestId: e.correlationId }));
    expect(observed).toEqual(requests);
    expect(new Set([...ofLead, ...ofCase].map((e) => e.id)).size).toBe(ofLead.length + ofCase.length);
    for (const e of [...ofLead, ...ofCase]) expect((e.payload as Json).snapshot).toMatchObject({ id: e.aggregateId });
    expect(ofLead.at(-1)!.payload).toMatchObject({ outcome: 'file_case', caseId, snapshot: { status: 'decided', dueDate: '2026-12-21' } });
    expect(ofCase[0]!.payload.snapshot).toMatchObject({ status: 'filed', bureau: TINGHU });
    expect(ofCase[1]!).toMatchObject({ bureau: YANDU, payload: { from: TINGHU, to: YANDU } });
    expect(ofCase.find((e) => e.type === 'case.decided')!.payload).toMatchObject({ result: 'penalty', onTime: true, penalties: [{ type: 'warning' }, { type: 'fine', amount: 50_000 }] });

    // Credit: the operator was registered from the lead and graded after the penalty.
    const credit = await eventually(
      'credit graded after the penalty',
      async () => (await get(`/api/v1/operators/${operator}/credit`, officer)).json(),
      (c: Json) => (c.factors ?? []).some((f: { code: string }) => f.code === 'HEAVY_PENALTY'),
    );
    expect(credit).toMatchObject({ grade: 'C', score: 30, asOf: '2026-12-15' });
    const registered = (await get(`/api/v1/operators/${operator}`, officer)).json();
    expect(registered).toMatchObject({ uscc: operator, registeredFrom: 'lead', firstSeenBureau: TINGHU, grade: 'C' });
    await t.outboxesDrained();
    const ofOperator = (await t.streamEvents()).filter((e: Event) => e.aggregateId === operator);
    console.log('operator events:', ofOperator.map((e) => e.type).join(', '));
    expect(ofOperator.filter((e) => e.type === 'operator.registered')).toMatchObject([{ correlationId: requests[0]!.requestId }]);
    const penaltyGrade = ofOperator.filter((e) => e.type === 'credit.graded' && e.payload.grade === 'C');
    expect(penaltyGrade).toHaveLength(1);
    expect(penaltyGrade[0]).toMatchObject({ correlationId: requests.find((r) => r.type === 'case.decided')!.requestId });
    expect(penaltyGrade[0]!.payload.factors).toEqual([expect.objectContaining({ code: 'HEAVY_PENALTY', points: 30 })]);

    // Metrics: the lead counts in 17.1 for 亭湖 in November (decided on 11-27, due 12-21: on time).
    const nov = `bureau=${TINGHU}&from=2026-11-01&to=2026-11-30`;
    const row171 = await eventually(
      '17.1 counts the lead',
      async () => ((await get(`/api/v1/indicators?${nov}`, citySupervisor)).json().items as Json[]).find((r) => r.code === '17.1')!,
      (r) => r.denominator === 1,
    );
    expect(row171).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    const items = (await get(`/api/v1/indicators/17.1/items?${nov}`, citySupervisor)).json().items;
    expect(items).toEqual([expect.objectContaining({ id: lead.id, kind: 'lead', status: 'on_time', dueDate: '2026-12-21', doneDate: '2026-11-27' })]);
    const yandu = ((await get(`/api/v1/indicators?bureau=${YANDU}&from=2026-11-01&to=2026-11-30`, citySupervisor)).json().items as Json[]).find((r) => r.code === '17.1');
    expect(yandu).toMatchObject({ numerator: 0, denominator: 0 });
  });
});
