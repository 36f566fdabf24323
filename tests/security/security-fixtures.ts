import { createHmac } from 'node:crypto';
import { loadConfig } from '#libs/config';
import { usccCheckCharacter } from '#libs/domain';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config.js';
import type { GatewayHarness, HttpResult } from '../support/gateway-harness.js';

export const ROLES = ['officer', 'complaint_handler', 'supervisor', 'admin', 'integration'] as const;
export type TestRole = (typeof ROLES)[number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A valid 统一社会信用代码 for `bureau` (GB 32100-2015 check character). */
export function usccFor(bureau: string, seed: number): string {
  const first17 = `9132${bureau.slice(2, 6)}${String(seed).padStart(9, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

/** The same code with a wrong check character. */
export function wrongCheck(uscc: string): string {
  return uscc.slice(0, 17) + (uscc.endsWith('1') ? '2' : '1');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs an HS256 JWT by hand, so a test can choose the claims, the times and the key. */
export function signJwt(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The bad tokens every protected route must answer 401: each an attack or a mistake seen in the wild. */
export function badTokens(h: GatewayHarness, valid: string): Record<string, string | undefined> {
  const secret = loadConfig(GatewayConfig, h.env).JWT_SECRET;
  const [head, body, signature] = valid.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  return {
    'no token': undefined,
    'empty bearer': 'Bearer ',
    'basic scheme': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    garbage: 'Bearer not.a.jwt',
    expired: `Bearer ${signJwt({ ...claims, iat: now - 9 * 3600, exp: now - 3600 }, secret)}`,
    'tampered role': `Bearer ${head}.${b64({ ...claims, role: 'admin', bureau: '320000' })}.${signature}`,
    'wrong key': `Bearer ${signJwt({ ...claims, role: 'admin' }, 'x'.repeat(40))}`,
    'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'admin' })}.`,
  };
}

export interface Api {
  call(method: string, url: string, token: string, payload?: unknown): Promise<HttpResult>;
}

export function api(h: GatewayHarness): Api {
  return {
    call: (method, url, token, payload) =>
      h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) }),
  };
}

export function leadBody(bureau: string, seed: number, over: Record<string, unknown> = {}) {
  return {
    channel: 'report',
    online: true,
    receivedAt: '2026-11-20T09:00:00+08:00',
    title: `网店销售假冒商品 ${bureau}-${seed}`,
    subject: { uscc: usccFor(bureau, seed), name: `盐城某某商贸有限公司${seed}`, platform: '某平台', storeUrl: `https://shop.example.com/${bureau}/${seed}` },
    ...over,
  };
}

export function complaintBody(seed: number, over: Record<string, unknown> = {}) {
  return {
    online: true,
    channel: '12315',
    receivedAt: '2026-11-20T10:00:00+08:00',
    consumer: { name: '王小明', phone: '13812345678' },
    operator: { name: `盐城鲜果汇电子商务有限公司${seed}`, platform: '淘宝', storeUrl: `https://shop.example.com/c/${seed}` },
    description: `购买的水果与宣传不符，要求退款 ${seed}`,
    amount: 199.5,
    ...over,
  };
}

export function expectStatus(res: HttpResult, status: number, what: string): void {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
}

/** Creates a lead and files a case from it; waits until the cases service has consumed lead.decided. */
export async function fileCase(a: Api, token: string, bureau: string, seed: number): Promise<{ leadId: string; caseId: string }> {
  const lead = await a.call('POST', '/api/v1/leads', token, leadBody(bureau, seed));
  expectStatus(lead, 201, 'lead intake');
  const decided = await a.call('POST', `/api/v1/leads/${lead.json().id}/decision`, token, { outcome: 'file_case', procedure: 'ordinary' });
  expectStatus(decided, 200, 'lead decision');
  const caseId = decided.json().caseId as string;
  for (let i = 0; i < 200; i++) {
    if ((await a.call('GET', `/api/v1/cases/${caseId}`, token)).statusCode === 200) return { leadId: lead.json().id, caseId };
    await sleep(50);
  }
  throw new Error(`case ${caseId} was never filed`);
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** api.md's error format. */
export function isErrorBody(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  const detailsOk =
    b.details === undefined ||
    (Array.isArray(b.details) && b.details.every((d) => d && typeof d === 'object' && typeof d.field === 'string' && typeof d.code === 'string' && typeof d.message === 'string'));
  return typeof b.statusCode === 'number' && typeof b.code === 'string' && b.code.length > 0 && typeof b.message === 'string' && detailsOk;
}
