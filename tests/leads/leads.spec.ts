import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { loadConfig } from '#libs/config';
import { natsNames, type EventEnvelope } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { startService } from '#libs/service-kit';
import { LeadsConfig } from '../../apps/leads/src/leads.config.js';
import { LeadsModule } from '../../apps/leads/src/leads.module.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const uscc = (seed: string) => {
  const first17 = `91320902${seed.padStart(9, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('leads service through the gateway', () => {
  let h: GatewayHarness;
  let service: INestApplication;
  let nc: NatsConnection;
  let officer: string;
  let supervisor: string;
  let otherOfficer: string;
  let cityOfficer: string;

  const call = (method: string, url: string, token: string, payload?: unknown) =>
    h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
  const lead = (over: Record<string, unknown> = {}) => ({
    channel: 'report',
    online: true,
    receivedAt: '2026-09-28T09:00:00+08:00',
    title: '销售假冒运动鞋',
    subject: { uscc: uscc('1'), name: '盐城某某商贸有限公司', platform: '某平台', storeUrl: 'https://shop.example.com/1' },
    ...over,
  });

  /** Lead events as JetStream delivered them (published by the outbox relay). */
  async function streamEvents(aggregateId: string, count: number): Promise<EventEnvelope<Record<string, any>>[]> {
    const names = natsNames(h.prefix);
    const jsm = await jetstreamManager(nc);
    const durable = `observer_${Date.now()}`;
    await jsm.consumers.add(names.eventStream, { durable_name: durable, filter_subject: names.eventSubject('lead.>'), ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All });
    const consumer = await jetstream(nc).consumers.get(names.eventStream, durable);
    const seen: EventEnvelope<Record<string, any>>[] = [];
    for (let round = 0; round < 30 && seen.length < count; round++) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1000 });
      for await (const msg of batch) {
        const event = msg.json<EventEnvelope<Record<string, any>>>();
        msg.ack();
        if (event.aggregateId === aggregateId) seen.push(event);
      }
    }
    await jsm.consumers.delete(names.eventStream, durable);
    return seen;
  }

  beforeAll(async () => {
    h = await startGatewayHarness({ now: '2026-11-27T02:00:00Z' });
    const config = loadConfig(LeadsConfig, h.env);
    service = await startService(LeadsModule.register(config, { clock: h.clock }), 'leads', config);
    nc = await connect({ servers: '127.0.0.1:4222' });
    officer = await h.tokenFor('officer', '320902');
    supervisor = await h.tokenFor('supervisor', '320902');
    otherOfficer = await h.tokenFor('officer', '320903');
    cityOfficer = await h.tokenFor('officer', '320900');
  });
  afterAll(async () => {
    await nc?.close();
    await service?.close();
    await h?.close();
  });

  describe('intake', () => {
    it('records a back-dated lead with the 15 WD due date of the worked example', async () => {
      const res = await call('POST', '/api/v1/leads', officer, lead());
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ bureau: '320902', status: 'received', dueDate: '2026-10-23', provisional: false, extended: false, pauses: [], ruleSetId: 'penalty-procedure', overdue: true, onTime: false });
    });

    it.each([
      ['wrong USCC check character', { subject: { uscc: uscc('2').slice(0, 17) + (uscc('2').endsWith('0') ? '1' : '0') } }, 'INVALID_USCC', 'subject.uscc'],
      ['receipt in the future', { receivedAt: '2026-11-28T09:00:00+08:00' }, 'VALIDATION_FAILED', 'receivedAt'],
      ['unknown channel', { channel: 'rumour' }, 'VALIDATION_FAILED', 'channel'],
      ['no subject at all', { subject: {} }, 'VALIDATION_FAILED', 'subject.name'],
      ['superior date on a report', { superiorDueDate: '2026-10-10' }, 'VALIDATION_FAILED', 'superiorDueDate'],
    ])('answers 400 for %s', async (_label, over, code, field) => {
      const res = await call('POST', '/api/v1/leads', officer, lead(over));
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('takes the superior deadline when it is earlier', async () => {
      const res = await call('POST', '/api/v1/leads', officer, lead({ channel: 'assigned', superiorDueDate: '2026-10-15', subject: { name: '甲店' } }));
      expect(res.json()).toMatchObject({ dueDate: '2026-10-15', dueDateSource: 'superior', statutoryDueDate: '2026-10-23' });
    });

    it('flags a likely duplicate within 30 days and links it by merge', async () => {
      const subject = { uscc: uscc('7'), storeUrl: 'https://www.shop.example.com/7?spm=1' };
      const first = (await call('POST', '/api/v1/leads', officer, lead({ subject, receivedAt: '2026-11-20T09:00:00+08:00' }))).json();
      const second = (await call('POST', '/api/v1/leads', officer, lead({ subject: { ...subject, storeUrl: 'shop.example.com/7/' }, title: '销售 假冒运动鞋！', receivedAt: '2026-11-25T09:00:00+08:00' }))).json();
      expect(second.duplicateOf).toBe(first.id);
      const missing = await call('POST', `/api/v1/leads/${second.id}/decision`, officer, { outcome: 'merge', mergeInto: '00000000-0000-4000-8000-000000000000' });
      expect(missing.statusCode).toBe(404);
      const merged = await call('POST', `/api/v1/leads/${second.id}/decision`, officer, { outcome: 'merge', mergeInto: first.id, decidedAt: '2026-11-26T10:00:00+08:00' });
      expect(merged.json()).toMatchObject({ status: 'decided', outcome: 'merge', mergeInto: first.id, onTime: true });
      const events = await streamEvents(second.id, 3);
      expect(events.map((e) => e.type).sort()).toEqual(['lead.decided', 'lead.duplicate_flagged', 'lead.received']);
      expect(events.every((e) => e.payload.snapshot?.id === second.id)).toBe(true);
    });
  });

  describe('clock, pauses, extension and filing a case', () => {
    it('runs a lead from intake to a filed case with the events on JetStream', async () => {
      h.clock.set('2026-11-27T02:00:00Z');
      const created = (await call('POST', '/api/v1/leads', officer, lead({ receivedAt: '2026-11-02T09:00:00+08:00', subject: { uscc: uscc('3') } }))).json();
      const url = `/api/v1/leads/${created.id}`;
      expect(created.dueDate).toBe('2026-11-23');
      const paused = await call('POST', `${url}/pauses`, officer, { reason: 'testing', startedAt: '2026-11-05T09:00:00+08:00' });
      expect(paused.statusCode).toBe(200);
      expect(paused.json().status).toBe('paused');
      expect((await call('POST', `${url}/pauses`, officer, { reason: 'appraisal' })).json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      expect((await call('POST', `${url}/pauses`, officer, { reason: 'hearing' })).statusCode).toBe(400);
      expect((await call('POST', `${url}/decision`, officer, { outcome: 'no_case', reason: 'x' })).statusCode).toBe(409);
      const resumed = await call('POST', `${url}/pauses/current/end`, officer, { endedAt: '2026-11-11T17:00:00+08:00' });
      expect(resumed.json()).toMatchObject({ status: 'verifying', dueDate: '2026-11-30' });
      const clock = (await call('GET', `${url}/clock`, officer)).json();
      expect(clock.dueDate).toBe('2026-11-30');
      expect(clock.explanation.segments.some((s: { kind: string; reason?: string }) => s.kind === 'pause' && s.reason === 'testing')).toBe(true);
      expect(clock.explanation.summary).toContain('2026-11-30');

      expect((await call('POST', `${url}/extension`, officer, { reason: '需调取平台数据' })).statusCode).toBe(403);
      const extended = await call('POST', `${url}/extension`, supervisor, { reason: '需调取平台数据' });
      expect(extended.json()).toMatchObject({ extended: true, dueDate: '2026-12-21' });
      const again = await call('POST', `${url}/extension`, supervisor, { reason: '再延' });
      expect(again.statusCode).toBe(409);

      const decided = await call('POST', `${url}/decision`, officer, { outcome: 'file_case', procedure: 'ordinary' });
      expect(decided.statusCode).toBe(200);
      const body = decided.json();
      expect(body).toMatchObject({ status: 'decided', outcome: 'file_case', onTime: true });
      expect(body.caseId).toMatch(/^[0-9a-f-]{36}$/);
      expect((await call('POST', `${url}/decision`, officer, { outcome: 'no_case', reason: 'x' })).statusCode).toBe(409);
      expect((await call('POST', `${url}/report-back`, officer, {})).statusCode).toBe(409);

      const events = await streamEvents(created.id, 5);
      expect(events.map((e) => e.type)).toEqual(['lead.received', 'lead.paused', 'lead.resumed', 'lead.extended', 'lead.decided']);
      const filed = events.at(-1)!.payload;
      expect(filed).toMatchObject({ outcome: 'file_case', caseId: body.caseId, filing: { caseId: body.caseId, leadId: created.id, bureau: '320902', procedure: 'ordinary' } });
      expect(filed.snapshot).toMatchObject({ status: 'decided', caseId: body.caseId, dueDate: '2026-12-21' });
    });

    it('tracks report-back for assigned leads and the real-name reporter notice', async () => {
      const assigned = (await call('POST', '/api/v1/leads', officer, lead({ channel: 'assigned', subject: { uscc: uscc('4') }, reporter: { name: '王某', phone: '13800000000', realName: true } }))).json();
      const url = `/api/v1/leads/${assigned.id}`;
      expect((await call('POST', `${url}/report-back`, officer, {})).statusCode).toBe(409);
      expect((await call('POST', `${url}/decision`, officer, { outcome: 'no_case' })).statusCode).toBe(400);
      const decided = (await call('POST', `${url}/decision`, officer, { outcome: 'no_case', reason: '违法事实不成立', decidedAt: '2026-11-27T09:00:00+08:00' })).json();
      expect(decided.reporterNoticeDueDate).toBe('2026-12-04');
      const back = await call('POST', `${url}/report-back`, officer, {});
      expect(back.json()).toMatchObject({ status: 'reported_back' });
      const notified = await call('POST', `${url}/reporter-notice`, officer, {});
      expect(notified.json().reporterNotifiedAt).toBe('2026-11-27T02:00:00.000Z');
      expect((await call('POST', `${url}/reporter-notice`, officer, {})).statusCode).toBe(409);
    });
  });

  describe('visibility', () => {
    it('hides a lead from another bureau (404), shows it to the superior bureau, and lets the sender read a transfer', async () => {
      const created = (await call('POST', '/api/v1/leads', officer, lead({ subject: { uscc: uscc('5') } }))).json();
      expect((await call('GET', `/api/v1/leads/${created.id}`, otherOfficer)).statusCode).toBe(404);
      expect((await call('POST', `/api/v1/leads/${created.id}/pauses`, otherOfficer, { reason: 'testing' })).statusCode).toBe(404);
      expect((await call('GET', `/api/v1/leads/${created.id}`, cityOfficer)).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/leads/not-a-uuid', officer)).statusCode).toBe(404);

      const transferred = (await call('POST', `/api/v1/leads/${created.id}/decision`, officer, { outcome: 'transfer', transferTo: '320903' })).json();
      const received = (await call('GET', `/api/v1/leads/${transferred.transferredLeadId}`, otherOfficer)).json();
      expect(received).toMatchObject({ bureau: '320903', channel: 'transfer_in', status: 'received', readOnly: false, transferredFrom: { bureau: '320902', leadId: created.id } });
      const senderView = await call('GET', `/api/v1/leads/${transferred.transferredLeadId}`, officer);
      expect(senderView.json()).toMatchObject({ readOnly: true });
      expect((await call('POST', `/api/v1/leads/${transferred.transferredLeadId}/pauses`, officer, { reason: 'testing' })).statusCode).toBe(403);

      const list = (await call('GET', '/api/v1/leads?channel=transfer_in', otherOfficer)).json();
      expect(list.items.map((l: { id: string }) => l.id)).toEqual([transferred.transferredLeadId]);
    });

    it('lists overdue leads and the work queue sorted by due date with reminder flags', async () => {
      const overdue = (await call('GET', '/api/v1/leads?overdue=true&pageSize=200', officer)).json();
      expect(overdue.total).toBeGreaterThan(0);
      expect(overdue.items.every((l: { overdue: boolean; bureau: string }) => l.overdue && l.bureau === '320902')).toBe(true);
      const queue = (await call('GET', '/api/v1/leads/queue', officer)).json();
      const dates = queue.items.map((l: { dueDate: string }) => l.dueDate);
      expect(dates).toEqual([...dates].sort());
      expect(queue.items.every((l: { status: string }) => ['received', 'verifying', 'paused'].includes(l.status))).toBe(true);
      expect((await call('GET', '/api/v1/leads?status=bogus', officer)).statusCode).toBe(400);
    });

    it("narrows the list and the queue to one assignee, and the queue to the reminder list (due within 3 working days, or overdue)", async () => {
      const colleague = await h.tokenFor('officer', '320902', 'officer_wang_320902');
      const mine = (await call('POST', '/api/v1/leads', colleague, lead({ receivedAt: '2026-11-27T09:00:00+08:00', subject: { uscc: uscc('6') } }))).json();
      expect(mine.dueDate).toBe('2026-12-18');
      expect(mine.assignee).toBe('officer_wang_320902');
      const listed = (await call('GET', '/api/v1/leads?assignee=officer_wang_320902', supervisor)).json();
      expect(listed.items.map((l: { id: string }) => l.id)).toEqual([mine.id]);
      const queue = (await call('GET', '/api/v1/leads/queue?assignee=officer_wang_320902', supervisor)).json();
      expect(queue.items.map((l: { id: string }) => l.id)).toEqual([mine.id]);

      const whole = (await call('GET', '/api/v1/leads/queue', supervisor)).json();
      const reminders = (await call('GET', '/api/v1/leads/queue?remindersOnly=true', supervisor)).json();
      // The new lead is due 2026-12-18, weeks away: in the queue, not among the reminders.
      expect(whole.items.map((l: { id: string }) => l.id)).toContain(mine.id);
      expect(reminders.items.map((l: { id: string }) => l.id)).not.toContain(mine.id);
      expect(reminders.total).toBeGreaterThan(0);
      expect(reminders.items.every((l: { dueSoon: boolean; overdue: boolean }) => l.dueSoon || l.overdue)).toBe(true);
      expect(reminders.total).toBe(whole.items.filter((l: { dueSoon: boolean; overdue: boolean }) => l.dueSoon || l.overdue).length);

      const bad = await call('GET', '/api/v1/leads/queue?remindersOnly=yes', supervisor);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details[0].field).toBe('remindersOnly');
    });
  });

  describe('bulk import and export', () => {
    const csv = [
      'platformItemId,title,subjectUscc,subjectName,platform,storeUrl,receivedAt,platformDueDate,description',
      `JC-1,销售假冒化妆品,${uscc('8')},甲公司,某平台,https://s.example.com/a,2026-11-20,2026-11-25,`,
      'JC-2,虚假宣传,,乙店,某平台,https://s.example.com/b,2026-11-21,,"含逗号, 的描述"',
      `JC-3,无主体,,,,,2026-11-21,,`,
      `JC-4,未来,,丙店,,,2026-12-21,,`,
    ].join('\n');
    const upload = (token: string) => {
      const form = new FormData();
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'items.csv');
      return call('POST', '/api/v1/leads/import', token, form);
    };

    it('imports valid rows, reports rejected ones per row, and is idempotent by item id', async () => {
      const first = await upload(officer);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ imported: 2, duplicates: 0, rejected: 2 });
      expect(first.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ row: 4, field: 'subjectName' }), expect.objectContaining({ row: 5, field: 'receivedAt', code: 'notInFuture' })]),
      );
      const again = (await upload(officer)).json();
      expect(again).toMatchObject({ imported: 0, duplicates: 2, rejected: 2 });
      const items = (await call('GET', '/api/v1/leads?channel=platform_monitoring', officer)).json();
      expect(items.total).toBe(2);
      expect(items.items.find((l: { externalRef: string }) => l.externalRef === 'JC-1')).toMatchObject({ dueDate: '2026-11-25', dueDateSource: 'platform' });
    });

    it('refuses a request without a file', async () => {
      const res = await call('POST', '/api/v1/leads/import', officer, { file: 'x' });
      expect(res.statusCode).toBe(400);
    });

    it('exports the verification results as XLSX', async () => {
      const res = await h.request({ method: 'GET', url: '/api/v1/leads/export.xlsx?from=2026-11-01&to=2026-11-30', headers: { authorization: `Bearer ${officer}` } });
      expect(res.statusCode).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
    });
  });

  describe('events from the complaints service', () => {
    it('turns report.received into one lead even when the event is delivered twice', async () => {
      const names = natsNames(h.prefix);
      const reportId = '0193a000-0000-7000-8000-000000000001';
      const event = newEvent(
        {
          type: 'report.received',
          aggregateType: 'report',
          aggregateId: reportId,
          bureau: '320902',
          actor: { username: 'handler', role: 'complaint_handler', bureau: '320902' },
          payload: { reportId, bureau: '320902', online: true, receivedAt: '2026-11-26T09:00:00+08:00', title: '举报虚假宣传', subject: { name: '丁店' }, reporter: { name: '李某', phone: '13900000000', realName: true } },
        },
        h.clock.now(),
      );
      const js = jetstream(nc);
      await js.publish(names.eventSubject(event.type), JSON.stringify(event), { msgID: event.id });
      await js.publish(names.eventSubject(event.type), JSON.stringify({ ...event, id: '0193a000-0000-7000-8000-0000000000ff' }), { msgID: 'second-delivery' });
      let items: { externalRef?: string; channel: string }[] = [];
      for (let i = 0; i < 50 && items.length === 0; i++) {
        await sleep(100);
        items = (await call('GET', '/api/v1/leads?channel=report&pageSize=200', officer)).json().items.filter((l: { externalRef?: string }) => l.externalRef === reportId);
      }
      await sleep(500);
      items = (await call('GET', '/api/v1/leads?channel=report&pageSize=200', officer)).json().items.filter((l: { externalRef?: string }) => l.externalRef === reportId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ channel: 'report', dueDate: '2026-12-17' });
    });
  });
});
