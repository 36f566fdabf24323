import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { newEvent } from './envelope.js';
import { JetStreamEventServer } from './jetstream-event-server.js';
import type { JetStreamContext } from './jetstream-context.js';
import { createInboxAttemptTable, createMessagingTables } from './schema.js';
import { startMessagingTestBed, type MessagingTestBed } from './test-bed.int-support.js';

const FILED = 'lead.decided';
const CALENDAR = 'calendar.year_set';
const IGNORED = 'lead.received';
const DURABLE = 'filtered';
const quiet = { log() {}, warn() {}, error() {} };

class FilteredInit1767225600002 implements MigrationInterface {
  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createInboxAttemptTable(qr);
    await qr.query(`CREATE TABLE seen (event_id uuid PRIMARY KEY, type text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

@Controller()
class FewHandlers {
  @EventPattern<string>(FILED)
  async onFiled(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    await ctx.manager.query(`INSERT INTO seen (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.id, event.type]);
  }

  @EventPattern<string>(CALENDAR)
  async onCalendar(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    await ctx.manager.query(`INSERT INTO seen (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.id, event.type]);
  }

  /** A request-reply pattern of the same app: not an event type, so no durable of its own. */
  @MessagePattern('filtered.ping')
  ping(): string {
    return 'pong';
  }
}

@Module({ controllers: [FewHandlers] })
class FewHandlersModule {}

describe('JetStreamEventServer filterByHandlers', () => {
  let bed: MessagingTestBed;
  const apps: INestMicroservice[] = [];

  const publish = async (type: string, n: number) => {
    const js = jetstream(bed.nc);
    for (let i = 0; i < n; i++) {
      const event = newEvent({ type, aggregateType: 't', aggregateId: String(i), bureau: '320902', actor: { username: 't', role: 'officer', bureau: '320902' }, payload: { i } }, new Date());
      await js.publish(bed.names.eventSubject(type), JSON.stringify(event), { msgID: event.id });
    }
  };
  const boot = async (filterByHandlers: number, durable = DURABLE) => {
    const server = new JetStreamEventServer({ servers: 'nats://127.0.0.1:4222', names: bed.names, durable, dataSource: bed.dataSource, filterByHandlers, logger: quiet });
    const app = await NestFactory.createMicroservice(FewHandlersModule, { strategy: server, logger: false });
    await app.listen();
    apps.push(app);
    return { server, app };
  };
  const settle = async (server: JetStreamEventServer, seen: number) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const [row] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM seen`);
      if (row.n >= seen && (await server.consumerLag()) === 0) return;
    }
  };

  beforeAll(async () => {
    bed = await startMessagingTestBed('filtered', FilteredInit1767225600002);
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await bed?.close();
  }, 30_000);

  it('switching a wildcard durable to one durable per handled type delivers only those types and replays nothing twice', async () => {
    // Before: one durable on the whole stream, as a service ran until now.
    await publish(FILED, 10);
    await publish(IGNORED, 40);
    await publish(CALENDAR, 2);
    const before = await boot(0);
    await settle(before.server, 12);
    await before.app.close();
    const jsm = await jetstreamManager(bed.nc);
    expect((await jsm.consumers.info(bed.names.eventStream, DURABLE)).delivered.stream_seq).toBe(52);

    // After: a durable per handled type, starting from the beginning of the stream.
    await publish(FILED, 5);
    await publish(IGNORED, 30);
    const after = await boot(4);
    await settle(after.server, 17);

    const seen: { type: string; n: number }[] = await bed.dataSource.query(`SELECT type, count(*)::int AS n FROM seen GROUP BY type ORDER BY type`);
    expect(seen).toEqual([
      { type: CALENDAR, n: 2 },
      { type: FILED, n: 15 },
    ]);
    const [inbox] = await bed.dataSource.query(`SELECT count(DISTINCT consumer)::int AS consumers, count(*)::int AS n FROM inbox`);
    expect(inbox).toEqual({ consumers: 1, n: 17 });

    const filed = await jsm.consumers.info(bed.names.eventStream, `${DURABLE}-lead_decided`);
    const calendar = await jsm.consumers.info(bed.names.eventStream, `${DURABLE}-calendar_year_set`);
    expect(filed.config.filter_subject).toBe(bed.names.eventSubject(FILED));
    // Each durable was delivered its own type only: 15 and 2 of the 87 events in the stream.
    expect([filed.delivered.consumer_seq, calendar.delivered.consumer_seq]).toEqual([15, 2]);
    await expect(jsm.consumers.info(bed.names.eventStream, `${DURABLE}-filtered_ping`)).rejects.toThrow();
    expect(await after.server.consumerLag()).toBe(0);
  }, 60_000);

  it('keeps one durable on the whole stream when the handlers listen to more types than the limit', async () => {
    const { server } = await boot(1, 'wide');
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && (await server.consumerLag()) > 0; ) await new Promise((r) => setTimeout(r, 100));
    const jsm = await jetstreamManager(bed.nc);
    const wide = await jsm.consumers.info(bed.names.eventStream, 'wide');
    expect(wide.config.filter_subject).toBe(bed.names.eventWildcard);
    expect(wide.delivered.consumer_seq).toBe(87);
    // The 70 events it has no handler for are acknowledged too, not left to be redelivered.
    expect({ ackFloor: wide.ack_floor.stream_seq, ackPending: wide.num_ack_pending, redelivered: wide.num_redelivered }).toEqual({ ackFloor: 87, ackPending: 0, redelivered: 0 });
    await expect(jsm.consumers.info(bed.names.eventStream, 'wide-lead_decided')).rejects.toThrow();
  }, 30_000);
});
