import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKEND_APPS, createTestDatabase, freePort, SuiteProcesses, uniquePrefix, waitFor, type TestDatabase } from '#libs/testing';
import { httpClient, type HttpResult } from '../support/gateway-harness.js';

const TINGHU = '320902';
const PASSWORD = 'all-in-one-password';

/** Asia/Shanghai calendar date of an instant (UTC+8, no daylight saving). */
const shanghaiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** `npm run start:one`: the gateway and every backend service in one process from dist/. */
describe('all-in-one process', () => {
  let db: TestDatabase;
  let suite: SuiteProcesses;
  let env: Record<string, string>;
  let request: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    db = await createTestDatabase('allinone');
    const port = await freePort();
    env = { DATABASE_URL: db.url, NATS_PREFIX: uniquePrefix('aio'), PORT: String(port), LOG_LEVEL: 'warn', NATS_REQUEST_TIMEOUT_MS: '5000' };
    suite = new SuiteProcesses(env);
    suite.start('all-in-one');
    request = httpClient(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await suite?.stopAll();
    await db?.drop();
  });

  const withLogs = (error: Error) => {
    throw new Error(`${error.message}\n${suite.logs.slice(-30).join('')}`);
  };

  /** A user made by the gateway CLI against the same database, as an operator would, then logged in. */
  async function login(role: string): Promise<string> {
    const username = `aio_${role}`;
    execFileSync(process.execPath, ['dist/apps/gateway/cli.js', 'user:create', '--username', username, '--password', PASSWORD, '--role', role, '--bureau', TINGHU], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const res = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    return res.json().accessToken as string;
  }

  const get = (url: string, token: string) => request({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('is ready (200) with every backend service answering over NATS', async () => {
    await waitFor(async () => (await request({ method: 'GET', url: '/ready' })).statusCode === 200, 90_000, '/ready 200').catch(withLogs);
    const body = (await request({ method: 'GET', url: '/ready' })).json() as { services: Record<string, { status: string }> };
    expect(Object.keys(body.services).sort()).toEqual([...BACKEND_APPS].sort());
    expect(Object.values(body.services).map((s) => s.status)).toEqual(BACKEND_APPS.map(() => 'ok'));
  });

  it('carries a lead from intake to a filed case and the metrics indicator, service to service', async () => {
    const [officer, supervisor] = [await login('officer'), await login('supervisor')];
    const auth = { authorization: `Bearer ${officer}` };
    const created = await request({
      method: 'POST',
      url: '/api/v1/leads',
      headers: auth,
      payload: { channel: 'report', online: true, title: '网店销售假冒品牌运动鞋', subject: { name: '盐城某某体育用品有限公司', platform: '某平台', storeUrl: 'https://shop.example.com/1' } },
    });
    expect(created.statusCode).toBe(201);
    const lead = created.json() as { id: string; bureau: string };
    expect(lead.bureau).toBe(TINGHU);

    const decidedAt = Date.now();
    const decided = await request({ method: 'POST', url: `/api/v1/leads/${lead.id}/decision`, headers: auth, payload: { outcome: 'file_case', procedure: 'ordinary' } });
    expect(decided.statusCode).toBe(200);
    const caseId = decided.json().caseId as string;

    // cases files it from lead.decided (JetStream), metrics counts the decided lead in 17.1.
    let filed: HttpResult | undefined;
    await waitFor(async () => (filed = await get(`/api/v1/cases/${caseId}`, officer)).statusCode === 200, 30_000, 'the case filed from lead.decided').catch(withLogs);
    expect(filed!.json()).toMatchObject({ id: caseId, leadId: lead.id, bureau: TINGHU, status: 'filed' });
    const window = `bureau=${TINGHU}&from=${shanghaiDate(decidedAt - 86_400_000)}&to=${shanghaiDate(decidedAt + 86_400_000)}`;
    let items: { id: string; kind: string }[] = [];
    await waitFor(async () => {
      items = (await get(`/api/v1/indicators/17.1/items?${window}`, supervisor)).json().items;
      return items.length > 0;
    }, 30_000, '17.1 to count the lead').catch(withLogs);
    expect(items).toEqual([expect.objectContaining({ id: lead.id, kind: 'lead' })]);
  });

  it('stops every context and exits 0 on SIGTERM', async () => {
    const child = suite.get('all-in-one')!;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(suite.logs.join('')).not.toMatch(/"level":("error"|"fatal"|50|60)\b/);
  });
});
