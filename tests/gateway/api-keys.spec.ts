import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';

/** External systems (the `integration` role) authenticate with an API key: domain.md §1. */
describe('API keys for external systems', () => {
  let s: SuiteHarness;
  let admin: string;
  let otherAdmin: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const keyed = (key: string) => ({ 'x-api-key': key });

  beforeAll(async () => {
    s = await startSuiteHarness();
    admin = await s.token('admin', '320902');
    otherAdmin = await s.token('admin', '320903');
    await s.token('integration', '320902', 'exchange_12315');
    await s.token('officer', '320902', 'officer_no_keys');
  }, 120_000);

  afterAll(async () => {
    await s?.stop();
  });

  const issue = (username: string, token = admin, payload: unknown = { label: '12315 数据交换' }) =>
    s.h.request({ method: 'POST', url: `/api/v1/users/${username}/api-keys`, headers: bearer(token), payload });

  it('issues a key shown once, stores only its hash, and the key then acts as its integration user in its own bureau', async () => {
    const res = await issue('exchange_12315');
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({ username: 'exchange_12315', label: '12315 数据交换', createdBy: expect.stringMatching(/^admin_/), revokedAt: null });
    expect(issued.key).toMatch(/^wj_[0-9a-f]{16}_/);

    const client = new pg.Client({ connectionString: s.h.db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT lookup, secret_hash FROM gateway.api_keys WHERE id = $1', [issued.id]);
      expect(rows).toHaveLength(1);
      expect(issued.key).toContain(rows[0].lookup);
      expect(issued.key).not.toContain(rows[0].secret_hash);
    } finally {
      await client.end();
    }

    const created = await s.h.request({
      method: 'POST',
      url: '/api/v1/leads',
      headers: keyed(issued.key),
      payload: { channel: 'platform_monitoring', online: true, title: '平台监测：无证经营', subject: { name: '盐城某网店' }, externalRef: 'NP-2026-000123' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ bureau: '320902', assignee: 'exchange_12315' });
    const listed = (await s.h.request({ method: 'GET', url: '/api/v1/leads', headers: keyed(issued.key) })).json();
    expect(listed.items.map((l: { id: string }) => l.id)).toContain(created.json().id);
    // Its role still limits it: the queue is for officers.
    expect((await s.h.request({ method: 'GET', url: '/api/v1/leads/queue', headers: keyed(issued.key) })).statusCode).toBe(403);

    const audit = (await s.h.request({ method: 'GET', url: '/api/v1/audit', headers: bearer(admin) })).json();
    expect(audit.items.some((e: { actor: string; path: string }) => e.actor === 'exchange_12315' && e.path === '/api/v1/leads')).toBe(true);
  });

  it('refuses a wrong, malformed or revoked key with 401 and lists keys without their secret', async () => {
    const { key, id, lookup } = (await issue('exchange_12315')).json();
    expect((await s.h.request({ method: 'GET', url: '/api/v1/bureaus', headers: keyed(key) })).statusCode).toBe(200);
    const wrongSecret = `${key.slice(0, -4)}${key.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const bad of [wrongSecret, 'wj_0000000000000000_' + 'a'.repeat(32), 'not-a-key']) {
      const res = await s.h.request({ method: 'GET', url: '/api/v1/bureaus', headers: keyed(bad) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }

    const list = (await s.h.request({ method: 'GET', url: '/api/v1/users/exchange_12315/api-keys', headers: bearer(admin) })).json();
    expect(list.items.find((k: { id: string }) => k.id === id)).toMatchObject({ lookup, revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(key);

    const revoked = await s.h.request({ method: 'DELETE', url: `/api/v1/users/exchange_12315/api-keys/${id}`, headers: bearer(admin) });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, revokedBy: expect.stringMatching(/^admin_/) });
    expect((await s.h.request({ method: 'GET', url: '/api/v1/bureaus', headers: keyed(key) })).statusCode).toBe(401);
  });

  it('issues keys only to integration accounts of the admin\'s own bureaus, with a label', async () => {
    const officer = await issue('officer_no_keys');
    expect(officer.statusCode).toBe(400);
    expect(officer.json().details[0]).toMatchObject({ field: 'username', code: 'notIntegration' });
    expect((await issue('exchange_12315', otherAdmin)).statusCode).toBe(404);
    expect((await issue('nobody_here')).statusCode).toBe(404);
    const noLabel = await issue('exchange_12315', admin, {});
    expect(noLabel.statusCode).toBe(400);
    expect(noLabel.json().details[0].field).toBe('label');
    expect((await s.h.request({ method: 'DELETE', url: '/api/v1/users/exchange_12315/api-keys/not-a-uuid', headers: bearer(admin) })).statusCode).toBe(404);
  });
});
