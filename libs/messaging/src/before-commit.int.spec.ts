import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { newEvent } from './envelope.js';
import { JetStreamEventServer } from './jetstream-event-server.js';
import type { JetStreamContext } from './jetstream-context.js';
import { PermanentEventError } from './permanent-event-error.js';
import { createInboxAttemptTable, createMessagingTables } from './schema.js';
import { startMessagingTestBed, type MessagingTestBed } from './test-bed.int-support.js';

const EVENT = 'deferred.counted';
const EVENTS = 60;
/** Its handler succeeds; the flush of any transaction holding it fails for good. */
const POISON = 23;

interface Counted {
  seq: number;
}

class DeferredInit1767225600001 implements MigrationInterface {
  async up(qr: QueryRunner): Promise<void> {
    await createMessagingTables(qr);
    await createInboxAttemptTable(qr);
    await qr.query(`CREATE TABLE deferred_fact (seq int PRIMARY KEY, flush int NOT NULL)`);
  }
  async down(): Promise<void> {}
}

let flushes = 0;

@Controller()
class DeferringHandlers {
  @EventPattern<string>(EVENT)
  async onCounted(@Payload() event: EventEnvelope<Counted>, @Ctx() ctx: JetStreamContext): Promise<void> {
    const seqs = ctx.beforeCommit('deferred', (): number[] => [], async (all) => {
      if (all.includes(POISON)) throw new PermanentEventError(`flush holding ${POISON}`);
      const flush = ++flushes;
      // One statement for the whole transaction; a second flush of the same events would violate the key.
      await ctx.manager.query(`INSERT INTO deferred_fact (seq, flush) SELECT unnest($1::int[]), $2`, [all, flush]);
    });
    seqs.push(event.payload.seq);
  }
}

@Module({ controllers: [DeferringHandlers] })
class DeferringModule {}

describe('JetStreamContext.beforeCommit', () => {
  let bed: MessagingTestBed;
  let app: INestMicroservice | undefined;

  beforeAll(async () => {
    bed = await startMessagingTestBed('defer', DeferredInit1767225600001);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await bed?.close();
  }, 30_000);

  it('flushes once per batch transaction; a failing flush rolls the batch back and each message is flushed alone', async () => {
    const { dataSource, nc, names } = bed;
    const js = jetstream(nc);
    for (let seq = 1; seq <= EVENTS; seq++) {
      const event = newEvent<Counted>({ type: EVENT, aggregateType: 'deferred', aggregateId: String(seq), bureau: '320902', actor: { username: 't', role: 'officer', bureau: '320902' }, payload: { seq } }, new Date());
      await js.publish(names.eventSubject(EVENT), JSON.stringify(event), { msgID: event.id });
    }
    // Everything is in the stream before the consumer starts, so it arrives in full batches of 20.
    const server = new JetStreamEventServer({ servers: 'nats://127.0.0.1:4222', names, durable: 'deferred', dataSource, batchSize: 20, maxDeliver: 2, nakDelayMs: 100, logger: { log() {}, warn() {}, error() {} } });
    app = await NestFactory.createMicroservice(DeferringModule, { strategy: server, logger: false });
    await app.listen();

    const jsm = await jetstreamManager(nc);
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const [rows] = await dataSource.query(`SELECT count(*)::int AS n FROM deferred_fact`);
      const dead = (await jsm.streams.info(names.deadLetterStream)).state.messages;
      if (rows.n >= EVENTS - 1 && dead >= 1 && (await server.consumerLag()) === 0) break;
    }

    const facts: { seq: number; flush: number }[] = await dataSource.query(`SELECT seq, flush FROM deferred_fact ORDER BY seq`);
    const [inbox] = await dataSource.query(`SELECT count(*)::int AS n FROM inbox`);
    expect(facts.map((f) => f.seq)).toEqual(Array.from({ length: EVENTS }, (_, i) => i + 1).filter((s) => s !== POISON));
    expect(inbox.n).toBe(EVENTS - 1);
    expect((await jsm.streams.info(names.deadLetterStream)).state.messages).toBe(1);
    // The batch holding the poison was retried one message per transaction, so its neighbours
    // were flushed alone; the batches without it were flushed whole, once.
    const perFlush = new Map<number, number[]>();
    for (const f of facts) perFlush.set(f.flush, [...(perFlush.get(f.flush) ?? []), f.seq]);
    const neighbours = [...perFlush.values()].filter((seqs) => seqs.length === 1).flat();
    expect(neighbours).toContain(POISON - 1);
    expect(neighbours).toContain(POISON + 1);
    expect(Math.max(...[...perFlush.values()].map((seqs) => seqs.length))).toBeGreaterThan(1);
  }, 90_000);
});
