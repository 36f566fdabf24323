import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, requestIdOf, sleep, startE2e, uscc, type E2eHarness, type Json } from './e2e-harness.js';

const TINGHU = '320902';

/**
 * Hand-offs between services go through the sender's outbox and JetStream, so a stopped
 * receiver loses nothing: it catches up from its durable consumer when it is back, once.
 */
describe('no window for loss between services', () => {
  let t: E2eHarness;
  let officer: string;
  let handler: string;

  beforeAll(async () => {
    t = await startE2e(['leads', 'cases', 'complaints'], '2026-11-27T02:00:00Z');
    [officer, handler] = await Promise.all([t.token('officer', TINGHU), t.token('complaint_handler', TINGHU)]);
  });
  afterAll(async () => t?.close());

  it('files the case of a file_case decision taken while the cases service is stopped, exactly once', async () => {
    const lead = (
      await t.call('POST', '/api/v1/leads', officer, {
        channel: 'inspection',
        online: true,
        receivedAt: '2026-11-20T09:00:00+08:00',
        title: '网店无照经营',
        subject: { uscc: uscc('770001'), name: '盐城某网店' },
      })
    ).json();
    await t.stop('cases');
    let caseId: string;
    try {
      const decided = await t.call('POST', `/api/v1/leads/${lead.id}/decision`, officer, { outcome: 'file_case', procedure: 'fast_track' });
      expect(decided.statusCode).toBe(200);
      caseId = decided.json().caseId;
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
      expect(decided.json()).toMatchObject({ status: 'decided', outcome: 'file_case' });
      // Nothing answers for cases meanwhile: 503, never a half-written case.
      expect((await t.call('GET', `/api/v1/cases/${caseId}`, officer)).statusCode).toBe(503);
      // The decision is on the stream before cases is back.
      await t.outboxesDrained();
      expect((await t.streamEvents()).filter((e) => e.aggregateId === lead.id && e.type === 'lead.decided')).toHaveLength(1);
    } finally {
      await t.start('cases');
    }
    const filed = (await eventually('case filed after restart', () => t.call('GET', `/api/v1/cases/${caseId}`, officer), (r) => r.statusCode === 200)).json();
    expect(filed).toMatchObject({ id: caseId, leadId: lead.id, bureau: TINGHU, procedure: 'fast_track', status: 'filed', filedDate: '2026-11-27' });

    // Give a redelivery the chance to happen, then count: one row, one case.filed.
    await sleep(500);
    await t.outboxesDrained();
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM cases.cases WHERE id = $1`, [caseId]);
    expect(rows.rows[0].n).toBe(1);
    const events = (await t.streamEvents()).filter((e) => e.aggregateId === caseId);
    console.log('case events after restart:', events.map((e) => e.type).join(', '));
    expect(events.map((e) => e.type)).toEqual(['case.filed']);
    const decidedEvent = (await t.streamEvents()).find((e) => e.aggregateId === lead.id && e.type === 'lead.decided')!;
    expect(events[0]!.correlationId).toBe(decidedEvent.correlationId);
  });

  it('turns a report taken while the leads service is stopped into exactly one report lead', async () => {
    await t.stop('leads');
    let reportId: string;
    let reportRequestId: string;
    try {
      const res = await t.call('POST', '/api/v1/reports', handler, {
        online: true,
        title: '直播间销售三无化妆品',
        subject: { name: '某直播间', platform: '某平台', storeUrl: 'https://live.example.com/room/9' },
        reporter: { name: '张三', phone: '13812345678', realName: true },
      });
      expect(res.statusCode).toBe(201);
      reportId = res.json().id;
      reportRequestId = requestIdOf(res);
      expect(res.json()).toMatchObject({ status: 'handed_to_leads', reporter: { realName: true, phone: '138****5678' } });
      expect((await t.call('GET', '/api/v1/leads?channel=report', officer)).statusCode).toBe(503);
    } finally {
      await t.start('leads');
    }
    const find = async () =>
      ((await t.call('GET', '/api/v1/leads?channel=report&pageSize=200', officer)).json().items as Json[]).filter((l) => l.externalRef === reportId);
    await eventually('report lead created', find, (items) => items.length > 0);
    await sleep(500);
    await t.outboxesDrained();
    const leads = await find();
    expect(leads).toHaveLength(1);
    // Received Fri 2026-11-27: 15 working days → 2026-12-18 (domain.md §2 worked example).
    expect(leads[0]).toMatchObject({ channel: 'report', online: true, bureau: TINGHU, status: 'received', dueDate: '2026-12-18', reporter: { realName: true } });
    const leadId = leads[0]!.id as string;
    const received = (await t.streamEvents()).filter((e) => e.aggregateId === leadId);
    expect(received.map((e) => e.type)).toEqual(['lead.received']);
    expect(received[0]!.correlationId).toBe(reportRequestId);

    // The real-name reporter must be told the outcome within 5 working days of the decision.
    const decided = await t.call('POST', `/api/v1/leads/${leadId}/decision`, officer, { outcome: 'no_case', reason: '违法事实不成立' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', outcome: 'no_case', reporterNoticeDueDate: '2026-12-04' });
    expect(decided.json().reporterNotifiedAt).toBeUndefined();
    const notified = await t.call('POST', `/api/v1/leads/${leadId}/reporter-notice`, officer, {});
    expect(notified.json()).toMatchObject({ reporterNoticeDueDate: '2026-12-04', reporterNotifiedAt: '2026-11-27T02:00:00.000Z' });
    await t.outboxesDrained();
    const after = (await t.streamEvents()).filter((e) => e.aggregateId === leadId);
    console.log('report lead events:', after.map((e) => e.type).join(', '));
    expect(after.map((e) => e.type)).toEqual(['lead.received', 'lead.decided', 'lead.reporter_notified']);
    expect(after[1]!.payload.snapshot).toMatchObject({ reporterRealName: true, reporterNoticeDueDate: '2026-12-04' });
    expect(after[2]!.payload).toMatchObject({ noticeDueDate: '2026-12-04', onTime: true });
  });
});
