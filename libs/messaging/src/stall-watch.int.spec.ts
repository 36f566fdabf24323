import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import type { Subscription } from '@nats-io/nats-core';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { newEvent } from './envelope.js';
import { JetStreamEventServer } from './jetstream-event-server.js';
import type { JetStreamContext } from './jetstream-context.js';
import { createInboxAttemptTable, createMessagingTables } from './schema.js';
import { startMessagingTestBed, type MessagingTestBed } from './test-bed.int-support.js';

const NOTED = 'lead.received';

class StallInit1767225600003 implements MigrationInterface {
  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createInboxAttemptTable(qr);
    await qr.query(`CREATE TABLE noted (event_id uuid PRIMARY KEY, durable text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

@Controller()
class Noter {
  @EventPattern<string>(NOTED)
  async onNoted(@Payload() event: EventEnvelope<{ durable: string }>, @Ctx() ctx: JetStreamContext): Promise<void> {
    // Both tests' durables read the whole stream: each counts the events published for it.
    await ctx.manager.query(`INSERT INTO noted (event_id, durable) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.id, event.payload.durable]);
  }
}

@Module({ controllers: [Noter] })
class NoterModule {}

/**
 * A pull subscription that stops receiving while the stream fills up (a pull request lost by the
 * server) is simulated by unsubscribing the consumer's inbox behind the client's back: its pulls
 * then reach no one, as a lost one does, and its heartbeat recovery pulls into the same void.
 */
describe('JetStreamEventServer stall watch', () => {
  let bed: MessagingTestBed;
  const apps: INestMicroservice[] = [];
  const warnings: string[] = [];

  const boot = async (durable: string, stallMs: number) => {
    const logger = { log() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
    const server = new JetStreamEventServer({ servers: 'nats://127.0.0.1:4222', names: bed.names, durable, dataSource: bed.dataSource, filterByHandlers: 1, pullExpiresMs: 1000, stallMs, ackWaitMs: 2000, maxNakDelayMs: 2000, logger });
    const app = await NestFactory.createMicroservice(NoterModule, { strategy: server, logger: false });
    await app.listen();
    apps.push(app);
    return server;
  };
  const publish = async (durable: string, n: number) => {
    const js = jetstream(bed.nc);
    for (let i = 0; i < n; i++) {
      const event = newEvent({ type: NOTED, aggregateType: 't', aggregateId: String(i), bureau: '320902', actor: { username: 't', role: 'officer', bureau: '320902' }, payload: { durable } }, new Date());
      await js.publish(bed.names.eventSubject(NOTED), JSON.stringify(event), { msgID: event.id });
    }
  };
  const noted = async (durable: string): Promise<number> => {
    const [row] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM noted WHERE durable = $1`, [durable]);
    return row.n;
  };
  /** Cuts the server's pull subscription for `durable` off from NATS without telling the client. */
  const losePulls = (server: JetStreamEventServer, durable: string) => {
    const messages = (server as unknown as { messages: Map<string, ConsumerMessages> }).messages.get(`${durable}-${NOTED.replace('.', '_')}`);
    (messages as unknown as { sub: Subscription }).sub.unsubscribe();
  };
  /** How many events `durable` has noted once it reached `n`, or when `ms` ran out. */
  const waitForNoted = async (durable: string, n: number, ms: number): Promise<number> => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if ((await noted(durable)) >= n) break;
    }
    return noted(durable);
  };

  beforeAll(async () => {
    bed = await startMessagingTestBed('stall', StallInit1767225600003);
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    await bed?.close();
  }, 30_000);

  /** A server that handled 3 events, then lost its pulls while 4 more were published. */
  const stalledAfterThree = async (durable: string, stallMs: number) => {
    const server = await boot(durable, stallMs);
    await publish(durable, 3);
    expect(await waitForNoted(durable, 3, 10_000)).toBe(3);
    losePulls(server, durable);
    await publish(durable, 4);
    return server;
  };

  it('without the watch, a subscription whose pulls are lost receives nothing more (the fault is real)', async () => {
    await stalledAfterThree('unwatched', 600_000);
    // Well past two missed heartbeats (pulls expire after 1 s): the client's own recovery does not help.
    await new Promise((r) => setTimeout(r, 4000));
    expect(await noted('unwatched')).toBe(3);
  }, 30_000);

  it('the watch notices the server holding undelivered messages, pulls anew and every event is handled once', async () => {
    const server = await stalledAfterThree('watched', 1000);
    expect(await waitForNoted('watched', 7, 15_000)).toBe(7);
    // Messages the server sent to the cut inbox before the watch noticed count as unacknowledged
    // (redelivered after the 2 s ack wait); the rest are still undelivered.
    expect(warnings.some((w) => /watched-lead_received: nothing received for \d+ s while the server holds [0-4] undelivered and [0-4] unacknowledged/.test(w))).toBe(true);
    // Once each: the 7 events of the first test too, all in the stream.
    const [inbox] = await bed.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM inbox WHERE consumer = 'watched'`);
    expect(inbox).toEqual({ n: 14, distinct: 14 });
    expect(await server.consumerLag()).toBe(0);
  }, 30_000);
});
