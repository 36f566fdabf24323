import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/config';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '#libs/testing';
import { createGatewayApp } from '../../apps/gateway/src/create-gateway-app.js';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';

const SHELL = '<!doctype html><title>网监</title><div id="root"></div>';

describe('console static serving', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wj-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), SHELL);
    writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.info("app")');
    writeFileSync(join(tmpdir(), 'wj-secret.txt'), 'outside');
    db = await createTestDatabase('console');
    const config = loadConfig(GatewayConfig, { DATABASE_URL: db.url, NATS_PREFIX: uniquePrefix('console'), LOG_LEVEL: 'error', CONSOLE_DIR: dir });
    app = await createGatewayApp(config, { accessLog: false, docsUi: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'the root'],
    ['/leads/0193a1b2-0000-7000-8000-000000000001', 'a client-side route'],
    ['/indicators/17.1?bureau=320900', 'a route with a dot and a query'],
  ])('answers %s (%s) with the app shell, never cached', async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(SHELL);
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await fetch(`${base}/assets/main-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.info("app")');
  });

  it.each([
    ['/assets/missing-000.js', 'a missing asset'],
    ['/api/v1/no-such-route', 'an unknown API route'],
    ['/%2e%2e/wj-secret.txt', 'a path escaping the console directory'],
  ])('answers %s (%s) with the gateway’s JSON 404', async (path) => {
    const res = await fetch(`${base}${path}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('leaves the API’s own answers alone', async () => {
    const res = await fetch(`${base}/api/v1/bureaus`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('UNAUTHORIZED');
  });
});
