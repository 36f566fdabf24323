import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { factory } from '#libs/testing';
import { BureausService } from '../../apps/gateway/src/bureaus/bureaus.service.js';
import { seedDemo } from '../../apps/gateway/src/cli/seed-demo.js';
import { CommandBus } from '../../apps/gateway/src/common/command-bus.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';

jest.setTimeout(120_000);

const NOW = '2026-11-27T02:00:00Z';
const PERIOD = 'bureau=320900&from=2026-01-01&to=2026-11-27';

/** The whole suite in process, seeded the way `npm run cli -- seed:demo` does, at a smaller size. */
describe(seedDemo.name, () => {
  let suite: SuiteHarness;
  let sql: pg.Client;
  let result: { records: Record<string, Record<string, unknown>> };

  const count = async (query: string): Promise<number> => Number((await sql.query(query)).rows[0].n);
  const byKey = async (query: string): Promise<Record<string, number>> =>
    Object.fromEntries((await sql.query(query)).rows.map((r: { k: string; n: string }) => [r.k, Number(r.n)]));

  beforeAll(async () => {
    suite = await startSuiteHarness({ now: NOW });
    sql = new pg.Client({ connectionString: suite.h.db.url });
    await sql.connect();
    const { app } = suite.h;
    result = (await seedDemo({
      users: app.get(UsersService),
      bureaus: app.get(BureausService),
      commands: app.get(CommandBus),
      now: new Date(NOW),
      options: { operators: 40, leads: 120, complaints: 36, waitMs: 30_000 },
    })) as typeof result;
  });
  afterAll(async () => {
    await sql?.end();
    await suite?.stop();
  });

  it('runs every service seed in order, each waiting for the events it builds on', () => {
    const r = result.records;
    expect(r.credit).toMatchObject({ operators: 40, subjects: 40 });
    expect(r.complaints).toMatchObject({ complaints: 36, reports: 6, skipped: false });
    expect(r.waitForLeadsFromComplaints).toMatchObject({ complete: true });
    expect(r.leads).toMatchObject({ created: 120 });
    expect(r.waitForFiledCases).toMatchObject({ complete: true });
    expect(r.cases).toMatchObject({ fromLeads: expect.objectContaining({ worked: (r.leads as { filed: number }).filed }) });
  });

  it('gives every credit grade to the operators, and the leads and complaints name them', async () => {
    const grades = (result.records.credit as { grades: Record<string, number> }).grades;
    for (const grade of ['A', 'B', 'C', 'D']) expect(grades[grade]).toBeGreaterThan(0);
    const seeded = `SELECT uscc FROM credit.operators WHERE registered_from = 'manual'`;
    expect(await count(`SELECT count(DISTINCT subject_uscc) AS n FROM leads.leads WHERE subject_uscc IN (${seeded})`)).toBeGreaterThan(30);
    expect(await count(`SELECT count(*) AS n FROM complaints.complaints WHERE operator->>'uscc' IN (${seeded})`)).toBeGreaterThan(10);
  });

  it('spreads leads over every channel and bureau, paused, extended, late, transferred and reported back', async () => {
    const channels = await byKey(`SELECT channel AS k, count(*) AS n FROM leads.leads GROUP BY channel`);
    expect(Object.keys(channels).sort()).toEqual(['assigned', 'complaint', 'inspection', 'platform_monitoring', 'report', 'supervised', 'transfer_in']);
    expect(Math.min(...Object.values(channels))).toBeGreaterThan(2);
    expect(await count(`SELECT count(DISTINCT bureau) AS n FROM leads.leads`)).toBeGreaterThanOrEqual(10);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE received_at < '2026-01-01' OR received_at > '${NOW}'`)).toBe(0);
    expect(await count(`SELECT count(DISTINCT lead_id) AS n FROM leads.lead_pauses`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE extension IS NOT NULL`)).toBeGreaterThan(3);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE decided_at IS NOT NULL AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_date`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE decided_at IS NULL AND due_date < '2026-11-27'`)).toBeGreaterThan(0);
    const outcomes = await byKey(`SELECT outcome AS k, count(*) AS n FROM leads.leads WHERE outcome IS NOT NULL GROUP BY outcome`);
    expect(outcomes).toMatchObject({ file_case: expect.any(Number), no_case: expect.any(Number), transfer: expect.any(Number) });
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE source_kind = 'lead_transfer'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE status = 'reported_back'`)).toBeGreaterThan(10);
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE reporter_notified_at IS NOT NULL`)).toBeGreaterThan(0);
    // Reports and violations from the complaints seed were worked like any other lead.
    expect(await count(`SELECT count(*) AS n FROM leads.leads WHERE source_kind = 'report' AND status = 'decided'`)).toBeGreaterThan(3);
  });

  it('works the filed cases: steps, decisions with fines, closure, reviews, pauses, soft measures', async () => {
    const fromLeads = await count(`SELECT count(*) AS n FROM cases.cases WHERE lead_id IS NOT NULL`);
    expect(fromLeads).toBe((result.records.leads as { filed: number }).filed);
    const statuses = await byKey(`SELECT status AS k, count(*) AS n FROM cases.cases WHERE lead_id IS NOT NULL GROUP BY status`);
    expect(statuses.closed).toBeGreaterThan(fromLeads / 2);
    expect((statuses.filed ?? 0) + (statuses.paused ?? 0)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM cases.cases WHERE decision->'penalties' @> '[{"type":"fine"}]' AND lead_id IS NOT NULL`)).toBeGreaterThan(10);
    expect(await count(`SELECT count(*) AS n FROM cases.cases WHERE steps @> '[{"step":"notice"}]' AND steps @> '[{"step":"legal_review"}]'`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM cases.cases WHERE jsonb_array_length(reviews) > 0`)).toBeGreaterThan(1);
    expect(await count(`SELECT count(*) AS n FROM cases.cases WHERE jsonb_array_length(pauses) > 0`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM cases.soft_measures`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM cases.cases WHERE procedure = 'simplified'`)).toBeGreaterThan(0);
    // Every case event carries its snapshot (the metrics and credit projections depend on it).
    expect(await count(`SELECT count(*) AS n FROM cases.outbox WHERE type LIKE 'case.%' AND NOT (envelope->'payload' ? 'snapshot')`)).toBe(0);
  });

  it('fills the indicators with non-zero denominators, and the credit record with penalties from cases', async () => {
    const token = await suite.token('supervisor', '320900');
    const auth = { authorization: `Bearer ${token}` };
    let items: { code: string; denominator: number; value: number | null }[] = [];
    const deadline = Date.now() + 30_000;
    const wanted = ['17.1', '17.2a', '17.2b', '19.1', '19.2', '25.1', '25.2', '25.3', '18.1a', '18.2'];
    while (Date.now() < deadline) {
      items = (await suite.h.request({ method: 'GET', url: `/api/v1/indicators?${PERIOD}`, headers: auth })).json().items;
      if (wanted.every((code) => (items.find((i) => i.code === code)?.denominator ?? 0) > 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(wanted.filter((code) => !((items.find((i) => i.code === code)?.denominator ?? 0) > 0))).toEqual([]);
    // Plausible, not perfect: the timeliness rates sit between 70 % and 100 %.
    for (const code of ['17.1', '19.1', '25.1']) expect(items.find((i) => i.code === code)!.value).toBeGreaterThan(70);
    const penaltiesFromCases = `SELECT count(*) AS n FROM credit.credit_records WHERE kind = 'penalty' AND source_key NOT LIKE 'demo:%'`;
    const until = Date.now() + 20_000;
    while ((await count(penaltiesFromCases)) === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count(penaltiesFromCases)).toBeGreaterThan(5);
  });

  it('leaves the seeded suite working for real intake (factories give valid bodies)', async () => {
    const officer = { authorization: `Bearer ${await suite.token('officer', '320902')}` };
    const handler = { authorization: `Bearer ${await suite.token('complaint_handler', '320902')}` };
    const admin = { authorization: `Bearer ${await suite.token('admin', '320900')}` };
    const post = (url: string, headers: Record<string, string>, payload: unknown) => suite.h.request({ method: 'POST', url, headers, payload });
    const lead = await post('/api/v1/leads', officer, factory.lead({ channel: 'report' }));
    expect(lead.statusCode).toBe(201);
    expect(lead.json()).toMatchObject({ channel: 'report', bureau: '320902', status: 'received' });
    expect((await post('/api/v1/complaints', handler, factory.complaint())).statusCode).toBe(201);
    expect((await post('/api/v1/operators', admin, factory.operator())).statusCode).toBe(201);
    // Real users now exist: the seed refuses to run over them.
    const { app } = suite.h;
    await expect(seedDemo({ users: app.get(UsersService), bureaus: app.get(BureausService), commands: app.get(CommandBus), now: new Date(NOW) })).rejects.toThrow(/non-demo users/);
  });
});
