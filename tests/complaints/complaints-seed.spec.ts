import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import type { ScopedActor } from '#libs/contracts';
import { ConflictError } from '#libs/domain';
import { FixedClock, startService } from '#libs/service-kit';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '#libs/testing';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { IntakeService } from '../../apps/complaints/src/complaints/intake.service.js';
import { DemoSeedService } from '../../apps/complaints/src/seed/demo-seed.service.js';
import { complaintBody } from './complaints-harness.js';

jest.setTimeout(60_000);

const ADMIN: ScopedActor = { username: 'seed:demo', role: 'admin', bureau: '320900', visibleBureaus: ['320900'] };

describe(DemoSeedService.name, () => {
  let db: TestDatabase;
  let service: INestApplication;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('complaints_seed');
    const config = loadConfig(ComplaintsConfig, { DATABASE_URL: db.url, NATS_PREFIX: uniquePrefix('cs'), LOG_LEVEL: 'error' });
    service = await startService(ComplaintsModule.register(config, { clock: new FixedClock(new Date('2026-11-27T02:00:00Z')) }), 'complaints', config);
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await service?.close();
    await db?.drop();
  });

  it('adds a realistic year through the real rules, then refuses to run twice or over real data', async () => {
    const sut = service.get(DemoSeedService);
    const result = await sut.seed({ actor: ADMIN, requestId: 'seed-test', data: { year: 2026, count: 60 } });
    expect(result).toMatchObject({ complaints: 60, reports: 10, skipped: false });

    const count = async (where: string) => (await sql.query(`SELECT count(*)::int AS n FROM complaints.complaints WHERE ${where}`)).rows[0].n as number;
    expect(await count('demo')).toBe(60);
    expect(await count(`received_at < '2026-01-01' OR received_at > '2026-11-27T02:00:00Z'`)).toBe(0);
    expect(await count('online')).toBeGreaterThan(0);
    expect(await count('NOT online')).toBeGreaterThan(0);
    expect(await count(`jsonb_array_length(forwards) > 0`)).toBeGreaterThan(0);
    expect(await count(`mediation_result = 'settled'`)).toBeGreaterThan(0);
    expect(await count(`mediation_result IN ('failed', 'withdrawn', 'unreachable')`)).toBeGreaterThan(0);
    expect(await count(`status = 'rejected'`)).toBeGreaterThan(0);
    expect(await count(`satisfaction IS NOT NULL`)).toBeGreaterThan(0);
    expect(await count(`status IN ('received', 'mediating', 'paused', 'mediation_ended', 'odr_routed', 'odr_accepted')`)).toBeGreaterThan(0);
    const bureaus = (await sql.query('SELECT count(DISTINCT bureau)::int AS n FROM complaints.complaints')).rows[0].n as number;
    expect(bureaus).toBeGreaterThan(5);

    const late = await sql.query(`SELECT count(*)::int AS n FROM complaints.outbox WHERE envelope->'payload'->>'onTime' = 'false'`);
    expect(late.rows[0].n).toBeGreaterThan(0);
    const withoutSnapshot = await sql.query(`SELECT count(*)::int AS n FROM complaints.outbox WHERE type LIKE 'complaint.%' AND NOT (envelope->'payload' ? 'snapshot')`);
    expect(withoutSnapshot.rows[0].n).toBe(0);
    const reports = await sql.query(`SELECT count(*)::int AS n FROM complaints.outbox WHERE type = 'report.received'`);
    expect(reports.rows[0].n).toBe(10);

    expect(await sut.seed({ actor: ADMIN, requestId: 'again', data: { year: 2026, count: 5 } })).toMatchObject({ skipped: true, existing: 60 });

    await service.get(IntakeService).create({
      actor: { username: 'handler', role: 'complaint_handler', bureau: '320902', visibleBureaus: ['320902'] },
      requestId: 'real',
      data: complaintBody() as never,
    });
    await expect(sut.seed({ actor: ADMIN, requestId: 'over-real', data: {} })).rejects.toBeInstanceOf(ConflictError);
  });
});
