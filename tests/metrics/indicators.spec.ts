import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import type { IndicatorRow } from '#libs/contracts';
import { classifyFact, type IndicatorFact } from '#libs/domain';
import { FixedClock, startService } from '#libs/service-kit';
import { MetricsConfig } from '../../apps/metrics/src/metrics.config.js';
import { MetricsModule } from '../../apps/metrics/src/metrics.module.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';
import { EventPublisher, factory, waitFor } from './metrics-fixtures.js';

const MARCH = 'from=2026-03-01&to=2026-03-31';
const at = (date: string) => `${date}T02:00:00Z`;

describe('metrics indicators', () => {
  let h: GatewayHarness;
  let metrics: INestApplication;
  let db: pg.Client;
  let events: EventPublisher;
  const clock = new FixedClock(new Date('2026-03-31T04:00:00Z'));
  const tokens: Record<string, string> = {};
  let published = 0;

  const get = (url: string, who = 'supervisor') => h.request({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });
  const send = (method: string, url: string, payload: unknown, who = 'admin') => h.request({ method, url, payload, headers: { authorization: `Bearer ${tokens[who]}` } });
  const figures = async (query = MARCH): Promise<Record<string, IndicatorRow>> => {
    const res = await get(`/api/v1/indicators?bureau=320900&${query}`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json().items as IndicatorRow[]).map((r) => [r.code, r]));
  };
  const inboxCount = async () => Number((await db.query(`SELECT count(*) AS n FROM metrics.inbox WHERE consumer = 'metrics'`)).rows[0].n);

  async function emit(type: string, snapshot: { id: string; bureau: string }, recordedAt: string, msgId?: string) {
    const event = events.event(type, snapshot, recordedAt);
    await events.publish(event, msgId);
    published++;
    return event;
  }

  beforeAll(async () => {
    // Boots the gateway and the metrics service and publishes the scenario.

    h = await startGatewayHarness({ now: '2026-03-31T04:00:00Z' });
    const config = loadConfig(MetricsConfig, h.env);
    metrics = await startService(MetricsModule.register(config, { clock }), 'metrics', config);
    db = new pg.Client({ connectionString: h.db.url });
    await db.connect();
    events = await EventPublisher.connect(h.prefix);
    tokens.supervisor = await h.tokenFor('supervisor', '320900');
    tokens.admin = await h.tokenFor('admin', '320900');
    tokens.otherDistrict = await h.tokenFor('supervisor', '320903');
    tokens.integration = await h.tokenFor('integration', '320902');

    // 17.1: 18 report leads due 03-20 decided on time (10 in 亭湖, 8 in 盐都), R20 decided late,
    // R22 due in April but decided in March (counts), R21 open and due 03-31, R23 offline.
    for (let i = 1; i <= 18; i++) {
      const bureau = i <= 10 ? '320902' : '320903';
      await emit('lead.decided', factory.lead({ id: `R${i}`, bureau, status: 'decided', outcome: 'no_case', decidedAt: at('2026-03-18') }), at('2026-03-18'));
    }
    await emit('lead.decided', factory.lead({ id: 'R20', status: 'decided', outcome: 'no_case', decidedAt: at('2026-03-23') }), at('2026-03-23'));
    await emit('lead.received', factory.lead({ id: 'R21', receivedDate: '2026-03-16', dueDate: '2026-03-31' }), at('2026-03-16'));
    await emit('lead.decided', factory.lead({ id: 'R22', dueDate: '2026-04-10', status: 'decided', outcome: 'file_case', decidedAt: at('2026-03-25') }), at('2026-03-25'));
    await emit('lead.decided', factory.lead({ id: 'R23', online: false, status: 'decided', decidedAt: at('2026-03-25') }), at('2026-03-25'));
    // 17.2: A1 reported back on time; A2 decided but never reported back, past due.
    await emit('lead.reported_back', factory.lead({ id: 'A1', channel: 'assigned', receivedDate: '2026-03-02', dueDate: '2026-03-16', decidedAt: at('2026-03-12'), reportedBackAt: at('2026-03-13') }), at('2026-03-13'));
    await emit('lead.decided', factory.lead({ id: 'A2', channel: 'supervised', receivedDate: '2026-03-05', dueDate: '2026-03-19', decidedAt: at('2026-03-18') }), at('2026-03-18'));
    // 19: two platform items verified on time, one late.
    await emit('lead.decided', factory.lead({ id: 'P1', channel: 'platform_monitoring', receivedDate: '2026-03-02', dueDate: '2026-03-10', decidedAt: at('2026-03-09') }), at('2026-03-09'));
    await emit('lead.decided', factory.lead({ id: 'P2', channel: 'platform_monitoring', receivedDate: '2026-03-02', dueDate: '2026-03-12', decidedAt: at('2026-03-09') }), at('2026-03-09'));
    await emit('lead.decided', factory.lead({ id: 'P3', channel: 'platform_monitoring', receivedDate: '2026-03-02', dueDate: '2026-03-12', decidedAt: at('2026-03-16') }), at('2026-03-16'));
    // 25/26: C1 accepted on time, settled, closed on time, satisfied, ODR settled on time; C2 accepted late, mediation failed.
    const c1 = factory.complaint({
      id: 'C1',
      acceptanceDecidedAt: at('2026-03-04'),
      accepted: true,
      mediationDueDate: '2026-03-30',
      mediationEndedAt: at('2026-03-20'),
      mediationResult: 'settled',
      closedAt: at('2026-03-21'),
      satisfaction: 'satisfied',
      odr: { enterprise: '某平台', dueDate: '2026-03-25', closedAt: at('2026-03-24'), result: 'settled' },
    });
    await emit('complaint.rated', c1, at('2026-03-22'));
    await emit('complaint.mediation_ended', factory.complaint({ id: 'C2', acceptanceDecidedAt: at('2026-03-13'), accepted: true, mediationDueDate: '2026-05-15', mediationEndedAt: at('2026-03-28'), mediationResult: 'failed' }), at('2026-03-28'));
    // 18: a reconsideration upheld, a lawsuit lost for a procedural defect.
    await emit(
      'case.review_concluded',
      factory.case({
        id: 'K1',
        reviews: [
          { kind: 'reconsideration', outcome: 'upheld', procedural: false, concludedAt: at('2026-03-10') },
          { kind: 'litigation', outcome: 'lost', procedural: true, concludedAt: at('2026-03-15') },
        ],
      }),
      at('2026-03-15'),
    );
    await waitFor(inboxCount, (n) => n >= published);
  }, 60_000);

  afterAll(async () => {
    await events?.close();
    await db?.end();
    await metrics?.close();
    await h?.close();
  });

  it('computes every indicator as counted by hand', async () => {
    const f = await figures();
    const pick = (code: string) => [f[code].numerator, f[code].denominator, f[code].value, f[code].met];
    expect(pick('17.1')).toEqual([19, 20, 95, false]); // exactly 95 % is not 大于 95 %
    expect(pick('17.2a')).toEqual([1, 2, 50, false]);
    expect(pick('17.2b')).toEqual([1, 2, 50, false]);
    expect(pick('19.1')).toEqual([2, 3, 66.67, false]);
    expect(pick('19.2')).toEqual([3, 3, 100, true]);
    expect(pick('25.1')).toEqual([1, 2, 50, false]);
    expect(pick('25.2')).toEqual([1, 1, 100, true]);
    expect(pick('25.3')).toEqual([1, 2, 50, null]); // no national rate entered yet
    expect(pick('25.4')).toEqual([1, 1, 100, null]);
    expect(pick('26a')).toEqual([1, 1, 100, null]);
    expect(pick('26b')).toEqual([1, 1, 100, null]);
    expect(pick('18.1a')).toEqual([1, 1, 100, true]);
    expect(pick('18.1b')).toEqual([0, 1, 0, false]);
    expect(pick('18.2')).toEqual([1, 2, 1, false]); // one procedural loss among two concluded reviews
    expect(f['17.1']).toMatchObject({ comparator: '>', threshold: 95, lateBudget: 0, onTimeNeeded: 1, belowMinimumSample: false });
    expect(f['19.1'].belowMinimumSample).toBe(true);
  });

  it('makes the comparator configurable: 95 % meets ≥ 95 %', async () => {
    const put = await send('PUT', '/api/v1/indicators/config/17.1', { threshold: 95, comparator: '>=', minimumSample: 10 });
    expect(put.statusCode).toBe(200);
    expect((await figures())['17.1']).toMatchObject({ met: true, comparator: '>=', lateBudget: 0 });
    await send('PUT', '/api/v1/indicators/config/17.1', { threshold: 95, comparator: '>', minimumSample: 10 });
    await send('PUT', '/api/v1/indicators/config/25.3', { threshold: null, comparator: '>', minimumSample: 1, nationalRate: 40 });
    expect((await figures())['25.3']).toMatchObject({ threshold: 40, nationalRate: 40, met: true, belowMinimumSample: false });
    expect((await send('PUT', '/api/v1/indicators/config/17.1', { threshold: 95, comparator: '>' , minimumSample: 10 }, 'supervisor')).statusCode).toBe(403);
    expect((await send('PUT', '/api/v1/indicators/config/17.1', { threshold: 195, comparator: '!', minimumSample: -1 })).statusCode).toBe(400);
  });

  it('serialises concurrent changes of one indicator: each change event starts from the one before, and no national rate is lost', async () => {
    const changes = Array.from({ length: 8 }, (_, i) => ({ threshold: 80 + i, comparator: '>=', minimumSample: 5, ...(i % 2 === 0 ? { nationalRate: 60 + i } : {}) }));
    const answers = await Promise.all(changes.map((c) => send('PUT', '/api/v1/indicators/config/19.2', c)));
    expect(answers.map((a) => a.statusCode)).toEqual(changes.map(() => 200));
    const { rows } = await db.query(
      `SELECT envelope->'payload' AS payload FROM metrics.outbox WHERE type = 'indicator.config_changed' AND envelope->>'aggregateId' = '19.2' ORDER BY created_at, id`,
    );
    type View = { threshold: number; nationalRate: number | null } | null;
    const chain = rows.map((r: { payload: { before: View; after: NonNullable<View> } }) => r.payload);
    expect(chain).toHaveLength(8);
    expect(chain[0]!.before).toBeNull(); // 19.2 had never been configured
    for (let i = 1; i < chain.length; i++) {
      expect({ threshold: chain[i]!.before!.threshold, nationalRate: chain[i]!.before!.nationalRate }).toEqual({ threshold: chain[i - 1]!.after.threshold, nationalRate: chain[i - 1]!.after.nationalRate });
      // A change without a national rate keeps the one the change before it left.
      const asked = changes[chain[i]!.after.threshold - 80]!;
      if (!('nationalRate' in asked)) expect(chain[i]!.after.nationalRate).toBe(chain[i - 1]!.after.nationalRate);
    }
  });

  it('breaks a figure down by bureau, and the parts add up', async () => {
    const res = await get(`/api/v1/indicators?bureau=320900&${MARCH}&breakdown=bureau`);
    const groups = res.json().breakdown.groups as { key: string; items: IndicatorRow[] }[];
    const r171 = Object.fromEntries(groups.map((g) => [g.key, g.items.find((i) => i.code === '17.1')!]));
    expect([r171['320902'].numerator, r171['320902'].denominator]).toEqual([11, 12]);
    expect([r171['320903'].numerator, r171['320903'].denominator]).toEqual([8, 8]);
  });

  it('drill-down lists exactly the records counted, and agrees with the pure classification', async () => {
    const f = await figures();
    const facts = (await db.query(`SELECT indicator, measure, to_char(period_date,'YYYY-MM-DD') AS "periodDate", to_char(alt_period_date,'YYYY-MM-DD') AS "altPeriodDate",
      to_char(due_date,'YYYY-MM-DD') AS "dueDate", to_char(done_date,'YYYY-MM-DD') AS "doneDate", favourable FROM metrics.indicator_facts`)).rows as IndicatorFact[];
    for (const code of Object.keys(f)) {
      const res = await get(`/api/v1/indicators/${code}/items?bureau=320900&${MARCH}&pageSize=500`);
      const items = res.json().items as { status: string }[];
      const count = (s: string) => items.filter((i) => i.status === s).length;
      expect([code, count('on_time'), count('late'), count('missing')]).toEqual([code, f[code].onTime, f[code].late, f[code].missing]);
      const pure = facts.filter((x) => x.indicator === code).map((x) => classifyFact(x, { from: '2026-03-01', to: '2026-03-31' }, '2026-03-31'));
      expect([code, pure.filter((s) => s === 'on_time').length, pure.filter((s) => s === 'late').length, pure.filter((s) => s === 'missing').length]).toEqual([
        code,
        f[code].onTime,
        f[code].late,
        f[code].missing,
      ]);
    }
    const late = await get(`/api/v1/indicators/17.1/items?bureau=320900&${MARCH}&status=late`);
    expect(late.json().items).toEqual([expect.objectContaining({ id: 'R20', kind: 'lead', dueDate: '2026-03-20', doneDate: '2026-03-23', status: 'late', clock: '/api/v1/leads/R20/clock' })]);
  });

  it('hides other bureaus (404), refuses the integration key (403), rejects a bad period (400)', async () => {
    expect((await get(`/api/v1/indicators?bureau=320902&${MARCH}`, 'otherDistrict')).statusCode).toBe(404);
    expect((await get(`/api/v1/indicators?bureau=320902`, 'integration')).statusCode).toBe(403);
    expect((await get(`/api/v1/indicators?bureau=320900&from=2026-03-31&to=2026-03-01`)).statusCode).toBe(400);
    expect((await get(`/api/v1/indicators/99.9/items?bureau=320900`)).statusCode).toBe(404);
    const own = await get(`/api/v1/indicators?bureau=320903&${MARCH}`, 'otherDistrict');
    expect(own.json().items.find((r: IndicatorRow) => r.code === '17.1')).toMatchObject({ numerator: 8, denominator: 8 });
  });

  it('counts a redelivered event once and never lets an older snapshot regress a record', async () => {
    const before = await figures();
    const decided = await emit('lead.decided', factory.lead({ id: 'R1', status: 'decided', outcome: 'no_case', decidedAt: at('2026-03-18') }), at('2026-03-19'));
    await events.publish(decided, `${decided.id}-redelivered`);
    await emit('lead.received', factory.lead({ id: 'R1' }), '2026-03-01T02:00:00Z');
    await waitFor(inboxCount, (n) => n >= published);
    const inbox = await db.query(`SELECT count(*) AS n FROM metrics.inbox WHERE event_id = $1`, [decided.id]);
    expect(Number(inbox.rows[0].n)).toBe(1);
    expect(await figures()).toEqual(before);
  });

  it('forecasts the month: the open item due today decides nothing yet but is listed', async () => {
    const res = await get('/api/v1/indicators/forecast?bureau=320900&period=month');
    const row = res.json().items.find((r: { code: string }) => r.code === '17.1');
    expect(row).toMatchObject({ openItems: 1, outlook: 'at_risk', mustBeOnTime: 1, decidingItems: [expect.objectContaining({ recordId: 'R21', dueDate: '2026-03-31' })] });
  });

  it('turns an open item late at the end of its due date with no event', async () => {
    clock.set('2026-04-01T02:00:00Z');
    const f = await figures();
    expect([f['17.1'].numerator, f['17.1'].denominator, f['17.1'].value]).toEqual([19, 21, 90.48]);
    const missing = await get(`/api/v1/indicators/17.1/items?bureau=320900&${MARCH}&status=missing`);
    expect(missing.json().items.map((i: { id: string }) => i.id)).toEqual(['R21']);
  });

  it('rebuilds the projection by replaying the stream, giving identical figures', async () => {
    const before = await figures();
    await db.query(`DELETE FROM metrics.indicator_facts WHERE indicator = '17.1'`); // damage it
    // The command takes no body: a field sent with it is refused before anything runs.
    expect((await send('POST', '/api/v1/indicators/rebuild', { a: 1 })).statusCode).toBe(400);
    const res = await send('POST', '/api/v1/indicators/rebuild', undefined);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ records: 30 });
    expect(await figures()).toEqual(before);
  });

  it('exports the indicator table and a drill-down list as .xlsx', async () => {
    const table = await fetch(`${h.baseUrl}/api/v1/indicators/export.xlsx?bureau=320900&${MARCH}`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
    expect(table.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await table.arrayBuffer());
    expect(wb.worksheets[0].rowCount).toBe(15);
    const list = await fetch(`${h.baseUrl}/api/v1/indicators/17.1/items/export.xlsx?bureau=320900&${MARCH}&status=missing`, { headers: { authorization: `Bearer ${tokens.supervisor}` } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await list.arrayBuffer());
    expect(wb2.worksheets[0].getRow(2).getCell(1).value).toBe('R21');
  });

  it('serves Prometheus gauges per indicator and root bureau', async () => {
    const text = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(text).toMatch(/wj_indicator_denominator\{code="17\.1",bureau="320000"\} 21/);
    expect(text).toMatch(/wj_indicator_met\{code="18\.2",bureau="320000"\} 0/);
  });

  it('scores the 41-indicator scorecard: live parts from the figures, the rest entered by an admin', async () => {
    const res = await get('/api/v1/scorecard?bureau=320900&year=2026');
    const card = res.json();
    expect(card.items).toHaveLength(41);
    expect(card.points).toBe(100);
    const item18 = card.items.find((i: { no: number }) => i.no === 18);
    expect(item18.parts.map((p: { score: number }) => p.score)).toEqual([0, 0]); // 18.1b and 18.2 fail
    const put = await send('PUT', '/api/v1/scorecard/2026/items/10?bureau=320900', { score: 2, source: '市商务局提供', evidence: '直播电商基地名单' });
    expect(put.statusCode).toBe(200);
    const after = (await get('/api/v1/scorecard?bureau=320900&year=2026')).json();
    expect(after.total).toBe(card.total + 2);
    expect(after.whatIf[0].gain).toBeGreaterThanOrEqual(after.whatIf.at(-1).gain);
    expect((await send('PUT', '/api/v1/scorecard/2026/items/17.1', { score: 1, source: 'x' })).statusCode).toBe(400);
  });
});
