import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { startService } from '#libs/service-kit';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';

export interface ComplaintsHarness {
  h: GatewayHarness;
  service: INestApplication;
  db: pg.Client;
  post(url: string, token: string, payload?: unknown): Promise<HttpResult>;
  put(url: string, token: string, payload?: unknown): Promise<HttpResult>;
  get(url: string, token: string): Promise<HttpResult>;
  /** Events of one aggregate as written to the complaints outbox, oldest first. */
  events(aggregateId: string): Promise<{ type: string; payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/** Gateway + complaints service in-process on one test database and NATS prefix, one clock. */
export async function startComplaintsHarness(now = '2026-11-27T02:00:00Z'): Promise<ComplaintsHarness> {
  const h = await startGatewayHarness({ now });
  const config = loadConfig(ComplaintsConfig, { ...h.env, PII_KEY: 'ab'.repeat(32) });
  const service = await startService(ComplaintsModule.register(config, { clock: h.clock }), 'complaints', config);
  const db = new pg.Client({ connectionString: h.db.url });
  await db.connect();
  const send = (method: string) => (url: string, token: string, payload?: unknown) =>
    h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
  return {
    h,
    service,
    db,
    post: send('POST'),
    put: send('PUT'),
    get: (url, token) => h.request({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
    async events(aggregateId) {
      const { rows } = await db.query(
        `SELECT type, envelope->'payload' AS payload FROM complaints.outbox WHERE envelope->>'aggregateId' = $1 ORDER BY created_at, id`,
        [aggregateId],
      );
      return rows as { type: string; payload: Record<string, unknown> }[];
    },
    async close() {
      await db.end();
      await service.close();
      await h.close();
    },
  };
}

export const CONSUMER = { name: '王小明', phone: '13812345678', idNumber: '320902199001011234', address: '江苏省盐城市亭湖区解放南路18号' };

export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    online: true,
    channel: '12315',
    receivedAt: '2026-02-10T10:00:00+08:00',
    consumer: CONSUMER,
    operator: { name: '盐城鲜果汇电子商务有限公司', platform: '淘宝', storeUrl: 'https://shop.example.com/1' },
    description: '购买的水果与宣传不符，要求退款',
    amount: 199.5,
    ...overrides,
  };
}
