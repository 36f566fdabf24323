import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { natsNames } from '#libs/contracts';
import { jest } from '@jest/globals';
import { complaintBody, CONSUMER, startComplaintsHarness, type ComplaintsHarness } from './complaints-harness.js';

// Booting PostgreSQL schemas, NATS streams and two apps takes longer than jest's 5 s default.
jest.setTimeout(30_000);

describe('complaints service', () => {
  let t: ComplaintsHarness;
  let handler902: string;
  let handler903: string;
  let handler904: string;
  let cityHandler: string;
  let supervisor900: string;
  let supervisor902: string;
  let officer902: string;
  let admin: string;
  let integration902: string;

  beforeAll(async () => {
    t = await startComplaintsHarness();
    [handler902, handler903, handler904, cityHandler, supervisor900, supervisor902, officer902, admin, integration902] = await Promise.all([
      t.h.tokenFor('complaint_handler', '320902', 'handler_902'),
      t.h.tokenFor('complaint_handler', '320903', 'handler_903'),
      t.h.tokenFor('complaint_handler', '320904', 'handler_904'),
      t.h.tokenFor('complaint_handler', '320900', 'handler_900'),
      t.h.tokenFor('supervisor', '320900', 'supervisor_900'),
      t.h.tokenFor('supervisor', '320902', 'supervisor_902'),
      t.h.tokenFor('officer', '320902', 'officer_902'),
      t.h.tokenFor('admin', '320900', 'admin_900'),
      t.h.tokenFor('integration', '320902', 'integration_902'),
    ]);
  }, 60_000);
  afterAll(async () => t?.close());

  const create = async (overrides: Record<string, unknown> = {}, token = handler902) => {
    const res = await t.post('/api/v1/complaints', token, complaintBody(overrides));
    expect(res.statusCode).toBe(201);
    return res.json() as Record<string, any>;
  };
  const act = (id: string, path: string, payload: unknown, token = handler902) => t.post(`/api/v1/complaints/${id}/${path}`, token, payload);

  describe('acceptance clock (7 WD of receipt)', () => {
    it.each([
      // 春节 02-15..23 skipped, the adjusted working Saturday 02-14 counted
      { receivedAt: '2026-02-10T10:00:00+08:00', due: '2026-02-26', rule: 'complaint-order-20', unconfirmed: false },
      // 国庆 10-01..07 skipped, the adjusted working Saturday 10-10 counted; Order 121 not yet confirmed
      { receivedAt: '2026-09-28T09:00:00+08:00', due: '2026-10-13', rule: 'complaint-order-121', unconfirmed: true },
    ])('received $receivedAt → acceptanceDueDate $due under $rule', async ({ receivedAt, due, rule, unconfirmed }) => {
      const c = await create({ receivedAt });
      expect(c).toMatchObject({ status: 'received', bureau: '320902', acceptanceDueDate: due, ruleUnconfirmed: unconfirmed, provisional: false });
      expect(c.ruleSet.id).toBe(rule);
      const clock = (await t.get(`/api/v1/complaints/${c.id}/clock`, supervisor900)).json();
      expect(clock.deadlines.acceptance.dueDate).toBe(due);
      expect(clock.deadlines.acceptance.explanation.summary).toContain(due);
    });

    it('judges the decision on time by its local date', async () => {
      const c = await create({ receivedAt: '2026-02-10T10:00:00+08:00' });
      // 2026-02-26T17:30+08:00 is still the due date in Shanghai
      const res = await act(c.id, 'acceptance', { accepted: true, decidedAt: '2026-02-26T09:30:00Z' });
      expect(res.statusCode).toBe(200);
      expect(res.json().acceptance).toMatchObject({ accepted: true, onTime: true });
      const late = await create({ receivedAt: '2026-02-10T10:00:00+08:00' });
      const refused = await act(late.id, 'acceptance', { accepted: false, reason: 'not_consumer_dispute', decidedAt: '2026-02-27T09:00:00+08:00' });
      expect(refused.json()).toMatchObject({ status: 'rejected', acceptance: { accepted: false, reason: 'not_consumer_dispute', onTime: false } });
      const [, rejected] = await t.events(late.id);
      expect(rejected).toMatchObject({ type: 'complaint.rejected', payload: { onTime: false, reason: 'not_consumer_dispute', snapshot: { status: 'rejected', accepted: false } } });
    });
  });

  describe('mediation, closure and rating', () => {
    it('runs the whole life with the worked examples and writes one event per change, without personal data', async () => {
      const c = await create({ receivedAt: '2026-04-28T10:00:00+08:00' });
      expect((await act(c.id, 'acceptance', { accepted: true, decidedAt: '2026-04-30T10:00:00+08:00' })).json()).toMatchObject({
        status: 'mediating',
        mediationDueDate: '2026-07-07',
      });
      const paused = await act(c.id, 'pauses', { reason: 'testing', startedAt: '2026-05-11T09:00:00+08:00' });
      expect(paused.json().status).toBe('paused');
      const resumed = await act(c.id, 'pauses/current/end', { endedAt: '2026-05-15T17:00:00+08:00' });
      // five working days of testing are not counted
      expect(resumed.json()).toMatchObject({ status: 'mediating', mediationDueDate: '2026-07-14' });
      const ended = await act(c.id, 'mediation-result', { result: 'settled', endedAt: '2026-07-10T15:00:00+08:00' });
      expect(ended.json()).toMatchObject({ status: 'mediation_ended', mediationResult: 'settled', terminationNoticeDueDate: '2026-07-21' });
      const closed = await act(c.id, 'close', { closedAt: '2026-07-15T10:00:00+08:00' });
      expect(closed.json()).toMatchObject({ status: 'closed', closedAt: '2026-07-15T02:00:00.000Z' });
      const rated = await act(c.id, 'rating', { satisfaction: 'satisfied', score: 5 });
      expect(rated.json()).toMatchObject({ satisfaction: 'satisfied', satisfactionScore: 5 });

      const events = await t.events(c.id);
      expect(events.map((e) => e.type)).toEqual([
        'complaint.received',
        'complaint.accepted',
        'complaint.mediation_paused',
        'complaint.mediation_resumed',
        'complaint.mediation_ended',
        'complaint.closed',
        'complaint.rated',
      ]);
      for (const e of events) expect(e.payload.snapshot).toMatchObject({ id: c.id, bureau: '320902', ruleSetId: 'complaint-order-121' });
      expect(events[4]!.payload).toMatchObject({ result: 'settled', onTime: true, snapshot: { mediationDueDate: '2026-07-14', mediationResult: 'settled' } });
      expect(events[5]!.payload).toMatchObject({ onTime: true, snapshot: { status: 'closed' } });
      const all = JSON.stringify(events);
      for (const secret of [CONSUMER.name, CONSUMER.phone, CONSUMER.idNumber, CONSUMER.address]) expect(all).not.toContain(secret);
    });

    it('ends mediation while a testing pause runs, closing the pause', async () => {
      const c = await create({ receivedAt: '2026-04-28T10:00:00+08:00' });
      await act(c.id, 'acceptance', { accepted: true, decidedAt: '2026-04-30T10:00:00+08:00' });
      await act(c.id, 'pauses', { reason: 'appraisal', startedAt: '2026-05-11T09:00:00+08:00' });
      const ended = await act(c.id, 'mediation-result', { result: 'withdrawn', endedAt: '2026-05-13T09:00:00+08:00' });
      expect(ended.statusCode).toBe(200);
      expect(ended.json().pauses).toEqual([expect.objectContaining({ reason: 'appraisal', endedAt: '2026-05-13T01:00:00.000Z' })]);
    });

    it('records a violation found during mediation as complaint.violation_found, once', async () => {
      const ok = await create({ receivedAt: '2026-04-28T10:00:00+08:00' });
      await act(ok.id, 'acceptance', { accepted: true, decidedAt: '2026-04-29T10:00:00+08:00' });
      const res = await act(ok.id, 'violation', { title: '销售过期食品', foundAt: '2026-05-06T10:00:00+08:00' });
      expect(res.statusCode).toBe(200);
      expect((await act(ok.id, 'violation', { title: '再次登记' })).statusCode).toBe(409);
      const found = (await t.events(ok.id)).find((e) => e.type === 'complaint.violation_found');
      expect(found?.payload).toMatchObject({ complaintId: ok.id, bureau: '320902', online: true, title: '销售过期食品', subject: { name: '盐城鲜果汇电子商务有限公司', platform: '淘宝' }, snapshot: { id: ok.id } });
    });
  });

  describe('forwarding (移送)', () => {
    it('moves the complaint to the bureau with jurisdiction, restarts its 7 WD there, and leaves the sender read-only', async () => {
      const c = await create({ receivedAt: '2026-02-10T10:00:00+08:00', operator: { name: '盐都区惠民超市', kind: 'other', businessBureau: '320903' } });
      expect(c.jurisdiction.competentBureaus).toEqual(['320903']);
      const wrong = await act(c.id, 'forward', { toBureau: '320904' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().details[0]).toMatchObject({ field: 'toBureau', code: 'noJurisdiction' });
      expect((await act(c.id, 'forward', { toBureau: '999999' })).statusCode).toBe(400);
      const moved = await act(c.id, 'forward', { toBureau: '320903', forwardedAt: '2026-02-12T15:00:00+08:00' });
      // the receiving bureau's 7 WD end on the adjusted working Saturday 02-28
      expect(moved.json()).toMatchObject({ bureau: '320903', status: 'received', acceptanceDueDate: '2026-02-28', handler: null });
      expect(moved.json().forwards).toEqual([expect.objectContaining({ from: '320902', to: '320903' })]);

      const sender = await t.get(`/api/v1/complaints/${c.id}`, handler902);
      expect(sender.statusCode).toBe(200);
      expect(sender.json()).toMatchObject({ readOnly: true, consumerMasked: true });
      expect((await act(c.id, 'acceptance', { accepted: true }, handler902)).statusCode).toBe(403);
      expect((await t.get(`/api/v1/complaints?pageSize=100`, handler902)).json().items.map((i: { id: string }) => i.id)).toContain(c.id);
      expect((await t.get(`/api/v1/complaints/${c.id}`, handler904)).statusCode).toBe(404);

      const receiver = await t.get(`/api/v1/complaints/${c.id}`, handler903);
      expect(receiver.json()).toMatchObject({ readOnly: false, consumerMasked: false, consumer: CONSUMER });
      expect((await act(c.id, 'acceptance', { accepted: true, decidedAt: '2026-02-28T10:00:00+08:00' }, handler903)).json()).toMatchObject({
        acceptance: { onTime: true },
        handler: 'handler_903',
      });
      const [, forwarded] = await t.events(c.id);
      expect(forwarded).toMatchObject({ type: 'complaint.forwarded', payload: { fromBureau: '320902', toBureau: '320903', snapshot: { bureau: '320903', acceptanceDueDate: '2026-02-28' } } });
    });

    it('keeps an in-platform seller without a reachable address at the platform bureau under Order 121', async () => {
      const op = { name: '无名小店', kind: 'in_platform', businessBureau: '320981', platformDomicileBureau: '320902', reachable: false };
      const under121 = await create({ receivedAt: '2026-05-06T10:00:00+08:00', operator: op });
      const under20 = await create({ receivedAt: '2026-04-10T10:00:00+08:00', operator: op });
      expect(under121.jurisdiction.competentBureaus).toEqual(['320902']);
      expect(under20.jurisdiction.competentBureaus).toEqual(['320981', '320902']);
    });
  });

  describe('personal data', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create({ receivedAt: '2026-03-02T10:00:00+08:00' })).id;
    });

    it.each([
      { who: 'handler of the handling bureau', token: () => handler902, clear: true },
      { who: 'handler of the superior bureau', token: () => cityHandler, clear: false },
      { who: 'supervisor of the superior bureau', token: () => supervisor900, clear: false },
      { who: 'supervisor of the handling bureau', token: () => supervisor902, clear: false },
      { who: 'officer of the handling bureau', token: () => officer902, clear: false },
      { who: 'admin', token: () => admin, clear: false },
      { who: 'integration of the handling bureau', token: () => integration902, clear: false },
    ])('$who sees it clear: $clear', async ({ token, clear }) => {
      const res = await t.get(`/api/v1/complaints/${id}`, token());
      expect(res.statusCode).toBe(200);
      expect(res.json().consumerMasked).toBe(!clear);
      expect(res.json().consumer).toEqual(
        clear ? CONSUMER : { name: '王**', phone: '138****5678', idNumber: '3209**********1234', address: '江苏省盐城市********' },
      );
    });

    it('masks lists and write answers even for the handling bureau', async () => {
      const written = await create({ receivedAt: '2026-03-02T10:00:00+08:00' });
      expect(written).toMatchObject({ consumerMasked: true, consumer: { phone: '138****5678' } });
      const list = (await t.get('/api/v1/complaints?pageSize=100', handler902)).json();
      const item = list.items.find((i: { id: string }) => i.id === id);
      expect(item.consumer.phone).toBe('138****5678');
      expect(JSON.stringify(list)).not.toContain(CONSUMER.phone);
    });

    it('stores it encrypted and audits every clear read for supervisors', async () => {
      const { rows } = await t.db.query('SELECT consumer_name_enc, consumer_phone_enc FROM complaints.complaints WHERE id = $1', [id]);
      expect(rows[0].consumer_phone_enc).toMatch(/^v1:/);
      expect(JSON.stringify(rows)).not.toContain(CONSUMER.phone);
      const read = await t.get(`/api/v1/complaints/${id}`, handler902);
      const requestId = read.headers.get('x-request-id');
      const audit = await t.get(`/api/v1/complaints/${id}/audit`, supervisor900);
      expect(audit.statusCode).toBe(200);
      const items = audit.json().items as { username: string; requestId: string }[];
      expect(items.every((i) => i.username === 'handler_902')).toBe(true);
      expect(items.map((i) => i.requestId)).toContain(requestId);
      // …and in the gateway's hash-chained log, as a personal-data read
      const chained = (await t.get('/api/v1/audit?limit=1000', admin)).json().items as { kind: string; path: string; requestId: string }[];
      expect(chained).toContainEqual(expect.objectContaining({ kind: 'pii_read', path: `/api/v1/complaints/${id}`, requestId }));
      expect((await t.get(`/api/v1/complaints/${id}/audit`, handler902)).statusCode).toBe(403);
      // a caller-chosen request id of any length is recorded, never a 500
      const longId = 'r'.repeat(300);
      const traced = await t.h.request({ method: 'GET', url: `/api/v1/complaints/${id}`, headers: { authorization: `Bearer ${handler902}`, 'x-request-id': longId } });
      expect(traced.statusCode).toBe(200);
      const again = (await t.get(`/api/v1/complaints/${id}/audit`, supervisor900)).json();
      expect(again.items.map((i: { requestId: string }) => i.requestId)).toContain(longId);
    });
  });

  describe('ODR', () => {
    it('routes to an ODR enterprise with its own acceptance and closure dates and result', async () => {
      const c = await create({ receivedAt: '2026-02-10T12:00:00+08:00', channel: 'odr' });
      const routed = await act(c.id, 'odr', { enterprise: '盐城苏宁易购商贸有限公司', routedAt: '2026-02-10T14:00:00+08:00' });
      expect(routed.json()).toMatchObject({ status: 'odr_routed', odr: { enterprise: '盐城苏宁易购商贸有限公司', acceptanceDueDate: '2026-02-26' } });
      const accepted = await act(c.id, 'odr/acceptance', { acceptedAt: '2026-04-30T10:00:00+08:00' }, integration902);
      expect(accepted.json()).toMatchObject({ status: 'odr_accepted', odr: { closureDueDate: '2026-07-07' } });
      const closed = await act(c.id, 'odr/result', { result: 'settled', closedAt: '2026-06-01T10:00:00+08:00' });
      expect(closed.json()).toMatchObject({ status: 'odr_closed', odr: { result: 'settled' } });
      const last = (await t.events(c.id)).at(-1)!;
      expect(last).toMatchObject({ type: 'complaint.odr_closed', payload: { onTime: true, result: 'settled', snapshot: { odr: { result: 'settled', dueDate: '2026-07-07' } } } });
      expect((await act(c.id, 'rating', { satisfaction: 'neutral' })).statusCode).toBe(200);
    });
  });

  describe('illegal transitions → 409 with the current state', () => {
    let received: string;
    let mediating: string;
    let closed: string;
    beforeAll(async () => {
      received = (await create({ receivedAt: '2026-06-01T10:00:00+08:00' })).id;
      mediating = (await create({ receivedAt: '2026-06-01T10:00:00+08:00' })).id;
      await act(mediating, 'acceptance', { accepted: true, decidedAt: '2026-06-02T10:00:00+08:00' });
      closed = (await create({ receivedAt: '2026-06-01T10:00:00+08:00' })).id;
      await act(closed, 'acceptance', { accepted: true, decidedAt: '2026-06-02T10:00:00+08:00' });
      await act(closed, 'mediation-result', { result: 'failed', endedAt: '2026-06-10T10:00:00+08:00' });
      await act(closed, 'close', { closedAt: '2026-06-11T10:00:00+08:00' });
      await act(closed, 'rating', { satisfaction: 'unsatisfied' });
    });

    it.each([
      { on: () => received, state: 'received', path: 'pauses', body: { reason: 'testing' } },
      { on: () => received, state: 'received', path: 'pauses/current/end', body: {} },
      { on: () => received, state: 'received', path: 'mediation-result', body: { result: 'settled' } },
      { on: () => received, state: 'received', path: 'close', body: {} },
      { on: () => received, state: 'received', path: 'rating', body: { satisfaction: 'satisfied' } },
      { on: () => received, state: 'received', path: 'violation', body: { title: 'x' } },
      { on: () => received, state: 'received', path: 'odr/acceptance', body: {} },
      { on: () => received, state: 'received', path: 'odr/result', body: { result: 'settled' } },
      { on: () => mediating, state: 'mediating', path: 'acceptance', body: { accepted: true } },
      { on: () => mediating, state: 'mediating', path: 'forward', body: { toBureau: '320903' } },
      { on: () => mediating, state: 'mediating', path: 'odr', body: { enterprise: 'x' } },
      { on: () => mediating, state: 'mediating', path: 'pauses/current/end', body: {} },
      { on: () => mediating, state: 'mediating', path: 'close', body: {} },
      { on: () => closed, state: 'rated', path: 'rating', body: { satisfaction: 'satisfied' } },
      { on: () => closed, state: 'closed', path: 'acceptance', body: { accepted: false, reason: 'in_litigation' } },
      { on: () => closed, state: 'closed', path: 'mediation-result', body: { result: 'settled' } },
    ])('$path on a $state complaint', async ({ on, state, path, body }) => {
      const res = await act(on(), path, body);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: [{ field: 'status', message: state }] });
    });
  });

  describe('bad input → 400 (or 404), nothing written', () => {
    let mediating: string;
    beforeAll(async () => {
      mediating = (await create({ receivedAt: '2026-06-01T10:00:00+08:00' })).id;
      await act(mediating, 'acceptance', { accepted: true, decidedAt: '2026-06-02T10:00:00+08:00' });
    });

    it.each([
      { name: 'future receivedAt', body: complaintBody({ receivedAt: '2026-11-28T10:00:00+08:00' }), code: 'VALIDATION_FAILED', field: 'receivedAt' },
      { name: 'receivedAt without offset', body: complaintBody({ receivedAt: '2026-02-10T10:00:00' }), code: 'VALIDATION_FAILED', field: 'receivedAt' },
      { name: 'wrong USCC check character', body: complaintBody({ operator: { uscc: '91320902MA1X000010' } }), code: 'INVALID_USCC', field: 'operator.uscc' },
      { name: 'no operator identity', body: complaintBody({ operator: { platform: '淘宝' } }), code: 'VALIDATION_FAILED', field: 'operator' },
      { name: 'unknown channel', body: complaintBody({ channel: 'fax' }), code: 'VALIDATION_FAILED', field: 'channel' },
      { name: 'bad phone', body: complaintBody({ consumer: { name: '王', phone: 'call me' } }), code: 'VALIDATION_FAILED', field: 'consumer.phone' },
      { name: 'unknown field', body: { ...complaintBody(), secret: 1 }, code: 'VALIDATION_FAILED', field: 'secret' },
    ])('intake: $name', async ({ body, code, field }) => {
      const before = (await t.db.query('SELECT count(*)::int AS n FROM complaints.complaints')).rows[0].n;
      const res = await t.post('/api/v1/complaints', handler902, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await t.db.query('SELECT count(*)::int AS n FROM complaints.complaints')).rows[0].n).toBe(before);
    });

    it.each([
      { name: 'refusal without reason', path: 'acceptance', body: { accepted: false }, field: 'reason' },
      { name: 'refusal with an unknown reason', path: 'acceptance', body: { accepted: false, reason: 'too_busy' }, field: 'reason' },
      { name: 'decision before receipt', path: 'acceptance', body: { accepted: true, decidedAt: '2026-05-31T10:00:00+08:00' }, field: 'decidedAt' },
      { name: 'forward to own bureau', path: 'forward', body: { toBureau: '320902' }, field: 'toBureau' },
    ])('on a received complaint: $name', async ({ path, body, field }) => {
      const c = await create({ receivedAt: '2026-06-01T10:00:00+08:00' });
      const res = await act(c.id, path, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await t.events(c.id)).map((e) => e.type)).toEqual(['complaint.received']);
    });

    it.each([
      { name: 'pause for a reason not excluded from mediation', path: 'pauses', body: { reason: 'hearing' }, field: 'reason' },
      { name: 'pause in the future', path: 'pauses', body: { reason: 'testing', startedAt: '2026-12-01T10:00:00+08:00' }, field: 'startedAt' },
      { name: 'unknown result', path: 'mediation-result', body: { result: 'forgotten' }, field: 'result' },
      { name: 'result before acceptance', path: 'mediation-result', body: { result: 'settled', endedAt: '2026-06-01T10:00:00+08:00' }, field: 'endedAt' },
    ])('on a mediating complaint: $name', async ({ path, body, field }) => {
      const res = await act(mediating, path, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rating score outside 1–5', async () => {
      const res = await act(mediating, 'rating', { satisfaction: 'satisfied', score: 6 });
      expect(res.statusCode).toBe(400);
    });

    it.each(['00000000-0000-4000-8000-000000000000', 'not-a-uuid'])('unknown id %s → 404', async (id) => {
      expect((await t.get(`/api/v1/complaints/${id}`, handler902)).statusCode).toBe(404);
      expect((await act(id, 'acceptance', { accepted: true })).statusCode).toBe(404);
    });

    it('roles: an officer may not register or decide complaints (403)', async () => {
      expect((await t.post('/api/v1/complaints', officer902, complaintBody())).statusCode).toBe(403);
      expect((await act(mediating, 'mediation-result', { result: 'settled' }, officer902)).statusCode).toBe(403);
    });
  });

  describe('work queue and lists', () => {
    let overdue: string;
    let dueSoon: string;
    let later: string;
    beforeAll(async () => {
      // today is 2026-11-27 (Fri); 3 WD ahead is 2026-12-02
      overdue = (await create({ receivedAt: '2026-11-10T10:00:00+08:00' }, handler903)).id; // due 11-19
      dueSoon = (await create({ receivedAt: '2026-11-20T10:00:00+08:00' }, handler903)).id; // due 12-01
      later = (await create({ receivedAt: '2026-11-25T10:00:00+08:00' }, handler903)).id; // due 12-04
    });

    it('shows the handler their due-soon and overdue items', async () => {
      const q = (await t.get('/api/v1/complaints/queue', handler903)).json();
      expect(q).toMatchObject({ asOf: '2026-11-27', dueBy: '2026-12-02' });
      expect(q.overdue.map((i: { id: string }) => i.id)).toContain(overdue);
      expect(q.dueSoon.map((i: { id: string }) => i.id)).toEqual([dueSoon]);
      const ids = [...q.overdue, ...q.dueSoon].map((i: { id: string }) => i.id);
      expect(ids).not.toContain(later);
    });

    it('shows the supervisor the whole subtree, and not other handlers', async () => {
      const sup = (await t.get('/api/v1/complaints/queue', supervisor900)).json();
      expect(sup.overdue.map((i: { id: string }) => i.id)).toContain(overdue);
      const other = (await t.get('/api/v1/complaints/queue', handler904)).json();
      expect([...other.overdue, ...other.dueSoon]).toEqual([]);
      expect((await t.get('/api/v1/complaints/queue', officer902)).statusCode).toBe(403);
    });

    it('lists with status, overdue and paging', async () => {
      const res = (await t.get('/api/v1/complaints?overdue=true&pageSize=100', handler903)).json();
      const ids = res.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(overdue);
      expect(ids).not.toContain(dueSoon);
      expect(res.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
      const page = (await t.get('/api/v1/complaints?status=received&page=1&pageSize=1', handler903)).json();
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeGreaterThanOrEqual(3);
      expect((await t.get('/api/v1/complaints?status=nope', handler903)).statusCode).toBe(400);
    });
  });

  describe('Order 121 rule set', () => {
    it('stays unconfirmed until an admin confirms; records keep the version they started under', async () => {
      const before = await create({ receivedAt: '2026-05-06T10:00:00+08:00' });
      expect(before).toMatchObject({ ruleUnconfirmed: true, ruleSet: { id: 'complaint-order-121', version: 1 } });
      expect((await t.put('/api/v1/rule-sets/order-121', supervisor900, { periods: { mediation: { length: 32 } } })).statusCode).toBe(403);
      expect((await t.put('/api/v1/rule-sets/order-121', admin, { periods: {} })).statusCode).toBe(400);
      const confirmed = await t.put('/api/v1/rule-sets/order-121', admin, { periods: { mediation: { length: 32 } } });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ id: 'complaint-order-121', version: 2, unconfirmed: false, periods: { mediation: { length: 32 } } });

      const after = await create({ receivedAt: '2026-05-06T10:00:00+08:00' });
      expect(after).toMatchObject({ ruleUnconfirmed: false, ruleSet: { version: 2 } });
      const accepted = await act(after.id, 'acceptance', { accepted: true, decidedAt: '2026-05-07T10:00:00+08:00' });
      // 32 WD after 05-07, over the adjusted Saturday 05-09 and 端午 06-19..21
      expect(accepted.json().mediationDueDate).toBe('2026-06-22');
      expect((await t.get(`/api/v1/complaints/${before.id}`, supervisor900)).json()).toMatchObject({ ruleUnconfirmed: true, ruleSet: { version: 1 } });

      // only an admin's explicit re-base moves a running record to the confirmed version
      expect((await act(before.id, 'rebase', {}, handler902)).statusCode).toBe(403);
      const rebased = await act(before.id, 'rebase', {}, admin);
      expect(rebased.json()).toMatchObject({ ruleUnconfirmed: false, ruleSet: { version: 2 } });
      expect((await act(before.id, 'rebase', {}, admin)).statusCode).toBe(409);
      expect((await t.events(before.id)).at(-1)).toMatchObject({
        type: 'complaint.rule_rebased',
        payload: { fromVersion: 1, toVersion: 2, snapshot: { ruleUnconfirmed: false } },
      });
      const { rows } = await t.db.query(`SELECT envelope->'payload' AS p FROM complaints.outbox WHERE type = 'rule_set.confirmed'`);
      expect(rows[0].p).toMatchObject({ ruleSetId: 'complaint-order-121', version: 2, confirmedBy: 'admin_900' });
    });
  });

  describe('reports (举报) → leads', () => {
    it('records the report and hands it to leads through JetStream, for a consumer that starts later', async () => {
      const res = await t.post('/api/v1/reports', officer902, {
        online: true,
        receivedAt: '2026-11-20T10:00:00+08:00',
        title: '网店销售假冒商品',
        subject: { name: '某某旗舰店', platform: '京东', storeUrl: 'https://mall.example.com/s/9' },
        reporter: { name: '赵六', phone: '13700001111', realName: true },
      });
      expect(res.statusCode).toBe(201);
      const report = res.json();
      expect(report.reporter).toEqual({ name: '赵*', phone: '137****1111', realName: true });
      const { rows } = await t.db.query('SELECT reporter_phone_enc FROM complaints.reports WHERE id = $1', [report.id]);
      expect(rows[0].reporter_phone_enc).not.toContain('13700001111');

      // No leads service runs here: the event must wait in the stream for a durable created afterwards.
      const names = natsNames(t.h.prefix);
      const nc = await connect({ servers: '127.0.0.1:4222' });
      try {
        const jsm = await jetstreamManager(nc);
        for (let i = 0; i < 50; i++) {
          const pending = await t.db.query(`SELECT count(*)::int AS n FROM complaints.outbox WHERE published_at IS NULL`);
          if (pending.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await jsm.consumers.add(names.eventStream, {
          durable_name: 'leads_late_start',
          filter_subject: names.eventSubject('report.received'),
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
        });
        const consumer = await jetstream(nc).consumers.get(names.eventStream, 'leads_late_start');
        const msg = await consumer.next({ expires: 5000 });
        expect(msg).not.toBeNull();
        const event = msg!.json<{ type: string; aggregateId: string; payload: Record<string, unknown> }>();
        msg!.ack();
        expect(event).toMatchObject({
          type: 'report.received',
          aggregateId: report.id,
          payload: { reportId: report.id, bureau: '320902', online: true, title: '网店销售假冒商品', reporter: { realName: true }, subject: { platform: '京东' } },
        });
      } finally {
        await nc.close();
      }
    });

    it('refuses a report without a subject (400) and from an admin (403)', async () => {
      const body = { online: true, title: 't', subject: {}, reporter: { name: '赵六', phone: '13700001111', realName: false } };
      expect((await t.post('/api/v1/reports', officer902, body)).statusCode).toBe(400);
      expect((await t.post('/api/v1/reports', admin, { ...body, subject: { name: 'x' } })).statusCode).toBe(403);
    });
  });
});
