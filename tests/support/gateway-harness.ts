import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { FixedClock } from '#libs/service-kit';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '#libs/testing';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';

export interface GatewayHarness {
  app: NestFastifyApplication;
  db: TestDatabase;
  prefix: string;
  clock: FixedClock;
  env: Record<string, string>;
  /** Creates a user and returns a bearer token for it. */
  tokenFor(role: Role, bureau: string, username?: string): Promise<string>;
  close(): Promise<void>;
}

/** A gateway on its own test database and NATS prefix; services join with the same `env`. */
export async function startGatewayHarness(options: { now?: string; db?: TestDatabase; prefix?: string } = {}): Promise<GatewayHarness> {
  const db = options.db ?? (await createTestDatabase('gw'));
  const prefix = options.prefix ?? uniquePrefix('gw');
  const env = { DATABASE_URL: db.url, NATS_PREFIX: prefix, NATS_REQUEST_TIMEOUT_MS: '5000', LOG_LEVEL: 'error' };
  const clock = new FixedClock(new Date(options.now ?? '2026-11-27T02:00:00Z'));
  const app = await createGatewayApp(loadConfig(GatewayConfig, env), { clock, accessLog: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  let n = 0;
  return {
    app,
    db,
    prefix,
    clock,
    env,
    async tokenFor(role, bureau, username = `${role}_${bureau}_${++n}`) {
      await app.get(UsersService).create({ username, password: 'correct-horse-battery', role, bureau });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'correct-horse-battery' } });
      return (res.json() as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
