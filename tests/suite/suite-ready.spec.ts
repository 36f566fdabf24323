import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKEND_APPS, createTestDatabase, freePort, SuiteProcesses, uniquePrefix, waitFor, type TestDatabase } from '#libs/testing';

/** Every app boots on its own from dist/, and the gateway's /ready follows them. */
describe('suite readiness', () => {
  let db: TestDatabase;
  let suite: SuiteProcesses;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('suite');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    suite = new SuiteProcesses({ DATABASE_URL: db.url, NATS_PREFIX: uniquePrefix('suite'), PORT: String(port), LOG_LEVEL: 'warn', NATS_REQUEST_TIMEOUT_MS: '3000' });
    for (const app of [...BACKEND_APPS, 'gateway'] as const) suite.start(app);
  });

  afterAll(async () => {
    await suite?.stopAll();
    await db?.drop();
  });

  const ready = async () => (await fetch(`${base}/ready`)).status;

  it('is ready (200) once every service answers its health query', async () => {
    await waitFor(async () => (await ready()) === 200, 60_000, '/ready 200').catch((error: Error) => {
      throw new Error(`${error.message}\n${suite.logs.slice(-30).join('')}`);
    });
    const body = (await (await fetch(`${base}/ready`)).json()) as { services: Record<string, { status: string }> };
    expect(Object.keys(body.services).sort()).toEqual([...BACKEND_APPS].sort());
  });

  it('answers 503 on /ready and on that service’s routes while one service is stopped, and recovers', async () => {
    await suite.kill('leads');
    await waitFor(async () => (await ready()) === 503, 10_000, '/ready 503');
    const body = (await (await fetch(`${base}/ready`)).json()) as { services: Record<string, { status: string }> };
    expect(body.services.leads).toEqual({ status: 'down' });
    expect(body.services.cases.status).toBe('ok');
    suite.start('leads');
    await waitFor(async () => (await ready()) === 200, 60_000, '/ready 200 after restart');
  });

  it('fails fast with a clear message on a wrong setting', async () => {
    const bad = new SuiteProcesses({ DATABASE_URL: 'mysql://nope', NATS_PREFIX: 'x' });
    const child = bad.start('leads');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(78);
    expect(bad.logs.join('')).toContain('DATABASE_URL');
  });
});
