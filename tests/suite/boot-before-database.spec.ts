import { createServer, Socket, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { startService } from '#libs/service-kit';
import { freePort, within } from '#libs/testing';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { complaintBody } from '../complaints/complaints-harness.js';
import { startGatewayHarness, type GatewayHarness } from '../support/gateway-harness.js';

/** PostgreSQL appearing on `port` late: a plain TCP forwarder to the real server, started on demand. */
function forwarder(port: number, target: URL): Promise<Server> {
  const server = createServer((client) => {
    const upstream = new Socket().connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) s.on('error', () => undefined);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * A service started while its database is unreachable (restarted with PostgreSQL, scheduled
 * before it) waits for it and comes up, instead of exiting on the refused connection.
 */
describe('a service booting before its database is reachable', () => {
  let h: GatewayHarness;
  let service: INestApplication | undefined;
  let database: Server | undefined;

  beforeAll(async () => {
    h = await startGatewayHarness();
  }, 30_000);

  afterAll(async () => {
    await service?.close();
    await new Promise((r) => (database ? database.close(r) : r(undefined)));
    await h?.close();
  });

  it('waits while connections are refused, boots once the database answers, and serves commands', async () => {
    const port = await freePort();
    const real = new URL(h.env.DATABASE_URL);
    const late = new URL(h.env.DATABASE_URL);
    late.host = `127.0.0.1:${port}`;
    const config = loadConfig(ComplaintsConfig, { ...h.env, DATABASE_URL: late.toString(), PII_KEY: 'ab'.repeat(32) });
    let outcome: 'booted' | Error | undefined;
    const booting = startService(ComplaintsModule.register(config, { clock: h.clock }), 'complaints', config).then(
      (app) => ((service = app), (outcome = 'booted')),
      (error: Error) => (outcome = error),
    );

    await new Promise((r) => setTimeout(r, 2000));
    expect(outcome).toBeUndefined(); // still waiting: neither up nor given up
    database = await forwarder(port, real);
    expect(await within(30_000, booting, 'still not booted 30 s after the database came up')).toBe('booted');

    const token = await h.tokenFor('complaint_handler', '320902');
    const res = await h.request({ method: 'POST', url: '/api/v1/complaints', headers: { authorization: `Bearer ${token}` }, payload: complaintBody() });
    expect(res.statusCode).toBe(201);
  }, 60_000);
});
