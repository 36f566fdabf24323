import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/config';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

describe('gateway', () => {
  let h: GatewayHarness;
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    h = await startGatewayHarness();
    officer = await h.tokenFor('officer', '320902');
    admin = await h.tokenFor('admin', '320900');
  });
  afterAll(async () => h?.close());

  const get = (url: string, token?: string) => h.request({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  describe('auth', () => {
    it('logs in with the right password and returns the user', async () => {
      await h.tokenFor('supervisor', '320900', 'zhang.san');
      const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'zhang.san', password: 'correct-horse-battery' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'zhang.san', role: 'supervisor', bureau: '320900' } });
    });

    it('answers 401 for a wrong password, the same as for an unknown user', async () => {
      const wrong = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'zhang.san', password: 'nope' } });
      const unknown = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'nope' } });
      expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
      expect(wrong.json().code).toBe(unknown.json().code);
    });

    it('refuses a request without a token (401) and a role not allowed (403)', async () => {
      expect((await get('/api/v1/calendar/years')).statusCode).toBe(401);
      const put = await h.request({ method: 'PUT', url: '/api/v1/calendar/years/2027', headers: { authorization: `Bearer ${officer}` }, payload: { holidays: [], workdays: [] } });
      expect(put.statusCode).toBe(403);
      expect(put.json().code).toBe('FORBIDDEN');
    });
  });

  describe('bad input', () => {
    it('lists an unknown field with its name, in the error format of api.md', async () => {
      const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a', password: 'b', admin: true } });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'admin', code: 'whitelistValidation' }] });
    });

    it('answers 400 (not 500) for malformed JSON', async () => {
      const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      expect(res.statusCode).toBe(400);
    });

    it('refuses multipart on a JSON route (415) instead of running it with an empty body', async () => {
      const form = new FormData();
      form.append('username', 'via-form');
      const res = await h.request({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${admin}` }, payload: form });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('names the missing fields of a request sent without a body', async () => {
      const res = await h.request({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${admin}` } });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['username', 'password', 'role', 'bureau']));
    });

    it('answers 400 for an impossible date', async () => {
      const res = await get('/api/v1/calendar/add?from=2026-02-30&days=15&kind=working', officer);
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0]).toMatchObject({ field: 'from', code: 'isLocalDate' });
    });
  });

  describe('calendar', () => {
    it.each([
      ['2026-09-28', 15, 'working', '2026-10-23'],
      ['2026-11-27', 15, 'working', '2026-12-18'],
      ['2026-02-10', 7, 'working', '2026-02-26'],
      ['2026-04-30', 45, 'working', '2026-07-07'],
      ['2026-07-03', 90, 'calendar', '2026-10-08'],
    ])('%s + %i %s days → %s', async (from, days, kind, dueDate) => {
      const res = await get(`/api/v1/calendar/add?from=${from}&days=${days}&kind=${kind}`, officer);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ dueDate, provisional: false });
    });

    it('lists working days with holiday names', async () => {
      const res = await get('/api/v1/calendar/working-days?from=2026-09-30&to=2026-10-10', officer);
      expect(res.statusCode).toBe(200);
      expect(JSON.stringify(res.json())).toContain('国庆');
    });

    it('marks 2027 provisional until an admin enters the year, then counts it exactly', async () => {
      const before = await get('/api/v1/calendar/add?from=2026-12-25&days=5&kind=working', officer);
      expect(before.json().provisional).toBe(true);
      const put = await h.request({
        method: 'PUT',
        url: '/api/v1/calendar/years/2027',
        headers: { authorization: `Bearer ${admin}` },
        payload: { holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] },
      });
      expect(put.statusCode).toBe(200);
      const after = await get('/api/v1/calendar/add?from=2026-12-25&days=5&kind=working', officer);
      // 12-28..31 are four working days; 2027-01-01 is now the 元旦 holiday; the 5th is Monday 01-04.
      expect(after.json()).toEqual({ dueDate: '2027-01-04', provisional: false });
    });
  });

  describe('operations', () => {
    it('is alive, serves the OpenAPI document and Prometheus text', async () => {
      expect((await get('/health')).statusCode).toBe(200);
      const docs = await get('/api/docs-json');
      expect(docs.statusCode).toBe(200);
      expect(Object.keys(docs.json().paths)).toContain('/api/v1/auth/login');
      const metrics = await get('/metrics');
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('wj_service_up');
    });

    it('is not ready while the backend services are down', async () => {
      const res = await get('/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ ready: false, database: true, services: { leads: { status: 'down' } } });
    });
  });
});

describe('login rate limit', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness();
  });
  afterAll(async () => h?.close());

  it('answers 429 in the api.md error format after too many attempts', async () => {
    const statuses: number[] = [];
    let last: { code?: string } = {};
    for (let i = 0; i < 12; i++) {
      const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guess', password: `p${i}` } });
      statuses.push(res.statusCode);
      last = res.json();
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(last.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('security', () => {
  let h: GatewayHarness;
  let admin: string;
  beforeAll(async () => {
    h = await startGatewayHarness();
    admin = await h.tokenFor('admin', '320900');
  });
  afterAll(async () => h?.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('refuses a tampered token and an expired one with 401', async () => {
    const [head, body, signature] = admin.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, bureau: '320000' })).toString('base64url')}.${signature}`;
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(forged) })).statusCode).toBe(401);
    const expired = `${head}.${Buffer.from(JSON.stringify({ ...claims, exp: 1_000_000 })).toString('base64url')}.${signature}`;
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(expired) })).statusCode).toBe(401);
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(admin) })).statusCode).toBe(200);
  });

  it('accepts only HS256: the same claims signed with the right secret under another algorithm are 401', async () => {
    const claims = JSON.parse(Buffer.from(admin.split('.')[1]!, 'base64url').toString());
    const secret = loadConfig(GatewayConfig, h.env).JWT_SECRET;
    const sign = (alg: string, hmac: string) => {
      const unsigned = `${Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      return `${unsigned}.${createHmac(hmac, secret).update(unsigned).digest('base64url')}`;
    };
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(sign('HS256', 'sha256')) })).statusCode).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(sign('HS512', 'sha512')) })).statusCode).toBe(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${admin.split('.')[1]}.`;
    expect((await h.request({ method: 'GET', url: '/api/v1/bureaus', headers: auth(unsigned) })).statusCode).toBe(401);
  });

  it('sets security headers', async () => {
    const res = await h.request({ method: 'GET', url: '/health' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('keeps the chain intact under concurrent writes (entries are group-committed)', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        h.request({ method: 'POST', url: '/api/v1/users', headers: auth(admin), payload: { username: `burst_${i}`, password: 'short', role: 'officer', bureau: '320902' } }),
      ),
    );
    expect(attempts.every((a) => a.statusCode === 400)).toBe(true);
    const verified = (await h.request({ method: 'GET', url: '/api/v1/audit/verify', headers: auth(admin) })).json();
    expect(verified.ok).toBe(true);
    expect(verified.checked).toBeGreaterThanOrEqual(120);
  });

  it('keeps an append-only, hash-chained audit log of writes and detects tampering', async () => {
    const created = await h.request({ method: 'POST', url: '/api/v1/users', headers: auth(admin), payload: { username: 'li.si', password: 'long-enough-pw', role: 'officer', bureau: '320903' } });
    expect(created.statusCode).toBe(201);
    const list = await h.request({ method: 'GET', url: '/api/v1/audit', headers: auth(admin) });
    expect(list.json().items.some((e: { path: string; kind: string }) => e.path === '/api/v1/users' && e.kind === 'write')).toBe(true);
    const verified = await h.request({ method: 'GET', url: '/api/v1/audit/verify', headers: auth(admin) });
    expect(verified.json()).toMatchObject({ ok: true });
    expect(verified.json().checked).toBeGreaterThanOrEqual(2);

    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: h.db.url });
    await client.connect();
    try {
      await expect(client.query("UPDATE gateway.audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
      // Even someone who can disable the trigger cannot hide the change.
      await client.query('ALTER TABLE gateway.audit_log DISABLE TRIGGER audit_log_no_change');
      await client.query("UPDATE gateway.audit_log SET actor = 'mallory' WHERE seq = 2");
    } finally {
      await client.end();
    }
    const after = await h.request({ method: 'GET', url: '/api/v1/audit/verify', headers: auth(admin) });
    expect(after.json()).toMatchObject({ ok: false, brokenAtSeq: 2 });
    expect(after.json().checked).toBeGreaterThan(2);
  });
});
