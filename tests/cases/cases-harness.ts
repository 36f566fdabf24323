import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { natsNames, type Actor, type LeadDecidedPayload, type LeadSnapshot } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { startService } from '#libs/service-kit';
import { CasesConfig } from '../../apps/cases/src/cases.config.js';
import { CasesModule } from '../../apps/cases/src/cases.module.js';
import { DiskEvidenceStore } from '../../apps/cases/src/evidence/disk-evidence-store.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';

export interface CasesHarness {
  h: GatewayHarness;
  service: INestApplication;
  /** Stops the cases service (as if its process died) and returns a function that starts it again. */
  stopService(): Promise<() => Promise<void>>;
  db: pg.Client;
  nc: NatsConnection;
  /** The local-disk evidence store of this run (a temporary directory), unless `env` chose another. */
  evidence: DiskEvidenceStore;
  post(url: string, token: string, payload?: unknown): Promise<HttpResult>;
  get(url: string, token: string): Promise<HttpResult>;
  /** Publishes `lead.decided` on JetStream as the leads service would; returns the event id. */
  publishLeadDecided(filing: Partial<LeadDecidedPayload> & { caseId: string; bureau: string; eventId?: string }): Promise<string>;
  /** Waits until the case is readable by `token` (the cases service consumed the event). */
  waitForCase(id: string, token: string): Promise<Record<string, any>>;
  /** Case events as written to the outbox, oldest first. */
  outbox(aggregateId: string): Promise<{ type: string; payload: Record<string, any> }[]>;
  /** Case events as delivered by JetStream (after the relay published them). */
  streamEvents(aggregateId: string, count: number): Promise<{ type: string; payload: Record<string, any> }[]>;
  close(): Promise<void>;
}

/** Undoes the cases migrations, latest first, through the evidence store's: evidence bytes back in the table. */
export async function undoThroughEvidenceStore(dataSource: DataSource): Promise<void> {
  for (;;) {
    const [last]: { name: string }[] = await dataSource.query(`SELECT name FROM cases.migrations ORDER BY id DESC LIMIT 1`);
    if (!last) throw new Error('the evidence-store migration was never run');
    await dataSource.undoLastMigration({ transaction: 'each' });
    if (last.name === 'EvidenceStore1764700000000') return;
  }
}

export function uscc(seed: string): string {
  const first17 = `91320902${seed.padStart(9, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Gateway + cases service in-process on one test database, NATS prefix and clock; `env` overrides the service's settings. */
export async function startCasesHarness(now = '2026-11-27T02:00:00Z', env: Record<string, string> = {}): Promise<CasesHarness> {
  const h = await startGatewayHarness({ now });
  const evidenceDir = mkdtempSync(join(tmpdir(), 'wj-evidence-'));
  const config = loadConfig(CasesConfig, { ...h.env, EVIDENCE_DIR: evidenceDir, ...env });
  const start = () => startService(CasesModule.register(config, { clock: h.clock }), 'cases', config);
  let service = await start();
  const db = new pg.Client({ connectionString: h.db.url });
  await db.connect();
  const nc = await connect({ servers: '127.0.0.1:4222' });
  const names = natsNames(h.prefix);
  const call = (method: string) => (url: string, token: string, payload?: unknown) =>
    h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
  const get = call('GET');
  let consumerN = 0;
  return {
    h,
    get service() {
      return service;
    },
    async stopService() {
      await service.close();
      return async () => {
        service = await start();
      };
    },
    db,
    nc,
    evidence: new DiskEvidenceStore(evidenceDir),
    post: call('POST'),
    get,
    async publishLeadDecided({ caseId, bureau, eventId, ...rest }) {
      const actor: Actor = { username: `officer_${bureau}`, role: 'officer', bureau };
      const decidedAt = rest.decidedAt ?? '2026-07-03T10:00:00+08:00';
      const snapshot: LeadSnapshot = {
        id: caseId.replace(/^.{8}/, 'aaaaaaaa'),
        bureau,
        channel: 'report',
        online: true,
        status: 'decided',
        title: '网店销售假冒商品',
        assignee: actor.username,
        receivedAt: '2026-06-20T02:00:00Z',
        receivedDate: '2026-06-20',
        dueDate: '2026-07-10',
        provisional: false,
        extended: false,
        paused: false,
        outcome: 'file_case',
        decidedAt,
        caseId,
        reporterRealName: false,
        ruleSetId: 'penalty-procedure',
      };
      const payload: LeadDecidedPayload = {
        snapshot,
        outcome: 'file_case',
        caseId,
        decidedAt,
        onTime: true,
        subject: { uscc: uscc('123456789'), name: '盐城优品生活馆', platform: '淘宝' },
        ...rest,
      } as LeadDecidedPayload;
      const event = newEvent({ type: 'lead.decided', aggregateType: 'lead', aggregateId: snapshot.id, bureau, actor, payload }, h.clock.now());
      if (eventId) event.id = eventId;
      await jetstream(nc).publish(names.eventSubject('lead.decided'), JSON.stringify(event), { msgID: event.id });
      return event.id;
    },
    async waitForCase(id, token) {
      for (let i = 0; i < 100; i++) {
        const res = await get(`/api/v1/cases/${id}`, token);
        if (res.statusCode === 200) return res.json();
        await sleep(50);
      }
      throw new Error(`case ${id} never appeared`);
    },
    async outbox(aggregateId) {
      const { rows } = await db.query(
        `SELECT type, envelope->'payload' AS payload FROM cases.outbox WHERE envelope->>'aggregateId' = $1 ORDER BY created_at, id`,
        [aggregateId],
      );
      return rows as { type: string; payload: Record<string, any> }[];
    },
    async streamEvents(aggregateId, count) {
      const jsm = await jetstreamManager(nc);
      const durable = `observer_${++consumerN}`;
      await jsm.consumers.add(names.eventStream, {
        durable_name: durable,
        filter_subject: names.eventSubject('case.>'),
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
      });
      const consumer = await jetstream(nc).consumers.get(names.eventStream, durable);
      const seen: { type: string; payload: Record<string, any> }[] = [];
      for (let round = 0; round < 40 && seen.length < count; round++) {
        const batch = await consumer.fetch({ max_messages: 200, expires: 1000 });
        for await (const msg of batch) {
          const event = msg.json<{ type: string; aggregateId: string; payload: Record<string, any> }>();
          msg.ack();
          if (event.aggregateId === aggregateId) seen.push({ type: event.type, payload: event.payload });
        }
      }
      await jsm.consumers.delete(names.eventStream, durable);
      return seen;
    },
    async close() {
      await nc.close();
      await db.end();
      await service.close();
      await h.close();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}
