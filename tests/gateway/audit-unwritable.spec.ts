import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

const PASSWORD = 'correct-horse-battery';

/**
 * A request whose audit entry cannot be written must not look like a success: the write has
 * happened (or a token would be handed out) with no line in the chain. The entry is refused here
 * by a trigger, an error no retry cures, so the gateway gives up at once.
 */
describe('the gateway when its audit entry cannot be written', () => {
  let h: GatewayHarness;
  let db: pg.Client;
  let admin: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const auditRows = async () => Number((await db.query('SELECT count(*) FROM gateway.audit_log')).rows[0].count);

  beforeAll(async () => {
    h = await startGatewayHarness();
    admin = await h.tokenFor('admin', '320902', 'audit_admin');
    db = new pg.Client({ connectionString: h.db.url });
    await db.connect();
    await db.query(`CREATE FUNCTION gateway.refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit disk full'; END $$`);
    await db.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON gateway.audit_log FOR EACH STATEMENT EXECUTE FUNCTION gateway.refuse_audit()');
  }, 30_000);

  afterAll(async () => {
    await db?.end();
    await h?.close();
  });

  it('answers a done write with a 503 that says its outcome is open, not 201', async () => {
    const before = await auditRows();
    const res = await h.request({ method: 'POST', url: '/api/v1/users', headers: auth(admin), payload: { username: 'wang.wu', password: PASSWORD, role: 'officer', bureau: '320902' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('操作可能已生效') });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    // The outcome is open indeed: the user was created, only its audit line is missing.
    expect((await db.query(`SELECT 1 FROM gateway.users WHERE username = 'wang.wu'`)).rowCount).toBe(1);
    expect(await auditRows()).toBe(before);
  });

  it('does not hand out a token for a login it could not audit', async () => {
    const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audit_admin', password: PASSWORD } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).not.toHaveProperty('accessToken');
    expect(res.json().message).toContain('登录未完成');
  });

  it('lets a refusal (400) go out as it is: it claims no success', async () => {
    const res = await h.request({ method: 'POST', url: '/api/v1/users', headers: auth(admin), payload: { username: 'x', password: 'short', role: 'officer', bureau: '320902' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).not.toBe('SERVICE_UNAVAILABLE');
  });

  it('answers as before once entries can be written again, the chain intact', async () => {
    await db.query('DROP TRIGGER refuse_audit ON gateway.audit_log');
    const res = await h.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audit_admin', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const verified = await h.request({ method: 'GET', url: '/api/v1/audit/verify', headers: auth(admin) });
    expect(verified.json()).toEqual({ checked: await auditRows(), ok: true });
  });
});
