import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { startService } from '#libs/service-kit';
import { within } from '#libs/testing';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';
import { complaintBody } from './complaints-harness.js';

jest.setTimeout(60_000);

const TIMED_OUT = 'timed out: a command waited for a second connection';

/**
 * The complaints service on the smallest pool it accepts: two connections, one of them kept by
 * the outbox relay's LISTEN. Every command's transaction then holds the only other one, so a
 * read that goes to the pool instead of through the transaction waits forever (the gateway
 * answers 503 after its timeout). Bigger pools hang the same way once as many commands hold one.
 */
describe('complaints service on a two-connection pool', () => {
  let h: GatewayHarness;
  let service: INestApplication;
  let handler: string;
  let admin: string;

  const send = (method: string, url: string, token: string, payload?: unknown): Promise<HttpResult> =>
    h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    h = await startGatewayHarness();
    const config = loadConfig(ComplaintsConfig, { ...h.env, PII_KEY: 'ab'.repeat(32), DATABASE_POOL_SIZE: '2' });
    service = await startService(ComplaintsModule.register(config, { clock: h.clock }), 'complaints', config);
    [handler, admin] = await Promise.all([h.tokenFor('complaint_handler', '320902'), h.tokenFor('admin', '320900')]);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await h?.close();
  });

  it('re-bases complaints concurrently with other changes, every command answered', async () => {
    const created: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await send('POST', '/api/v1/complaints', handler, complaintBody({ receivedAt: '2026-05-06T10:00:00+08:00' }));
      expect(res.statusCode).toBe(201);
      created.push(res.json().id);
    }
    expect((await send('PUT', '/api/v1/rule-sets/order-121', admin, { periods: { mediation: { length: 32 } } })).statusCode).toBe(200);

    const rebased = created.slice(0, 4);
    const accepted = created.slice(4);
    const statuses = await within(
      15_000,
      Promise.all([
        ...rebased.map((id) => send('POST', `/api/v1/complaints/${id}/rebase`, admin, {}).then((r) => r.statusCode)),
        ...accepted.map((id) =>
          send('POST', `/api/v1/complaints/${id}/acceptance`, handler, { accepted: true, decidedAt: '2026-05-07T10:00:00+08:00' }).then((r) => r.statusCode),
        ),
      ]),
      TIMED_OUT,
    );
    expect(statuses).toEqual(Array(8).fill(200));
    for (const id of rebased) expect((await send('GET', `/api/v1/complaints/${id}`, admin)).json()).toMatchObject({ ruleSet: { version: 2 } });
  });
});
