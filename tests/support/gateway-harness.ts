import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { FixedClock } from '#libs/service-kit';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '#libs/testing';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';

export interface HttpResult {
  statusCode: number;
  headers: Headers;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): any;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or FormData as is. */
  payload?: unknown;
}

/**
 * Real HTTP over loopback. (Fastify's `inject` cannot run under jest's ESM loader: its
 * light-my-request requires the ESM-only `cookie` package.)
 */
export function httpClient(baseUrl: string) {
  return async (req: HttpRequest): Promise<HttpResult> => {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    let body: string | FormData | undefined;
    if (typeof req.payload === 'string' || req.payload instanceof FormData) body = req.payload;
    else if (req.payload !== undefined) {
      body = JSON.stringify(req.payload);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${req.url}`, { method: req.method, headers, body });
    const text = await res.text();
    return { statusCode: res.status, headers: res.headers, body: text, json: () => JSON.parse(text) };
  };
}

export interface GatewayHarness {
  app: NestFastifyApplication;
  baseUrl: string;
  request(req: HttpRequest): Promise<HttpResult>;
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
  const app = await createGatewayApp(loadConfig(GatewayConfig, env), { clock, accessLog: false, docsUi: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const request = httpClient(baseUrl);
  let n = 0;
  return {
    app,
    baseUrl,
    request,
    db,
    prefix,
    clock,
    env,
    async tokenFor(role, bureau, username = `${role}_${bureau}_${++n}`) {
      await app.get(UsersService).create({ username, password: 'correct-horse-battery', role, bureau });
      const res = await request({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'correct-horse-battery' } });
      return (res.json() as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      if (!options.db) await db.drop();
    },
  };
}
