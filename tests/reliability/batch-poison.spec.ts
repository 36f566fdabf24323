/**
 * (g) A poison message inside a batch: the batch is rolled back and handled one message at a
 * time, so exactly the poison is dead-lettered, a transient failure beside it is retried, and
 * every other event is projected exactly once, in stream order.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { deadLetterCount, deadLetters, quietLogger, report, streamCensus, waitFor, World } from './harness.js';

const WRITES = 80;
const POISON = 25;
const RECOVERS = 55;
const DURABLE = 'tally_projection';

describe('JetStreamEventServer batch with a poison message', () => {
  let world: World;
  let relay: OutboxRelay;
  let projector: RunningProjector | undefined;
  const consumerLog: string[] = [];

  beforeAll(async () => {
    world = await World.create('rel_g');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
    await relay.start();
  }, 30_000);

  afterAll(async () => {
    await projector?.close();
    await relay?.stop();
    await world?.dispose();
  }, 30_000);

  it('dead-letters exactly the poison and projects its neighbours once', async () => {
    for (let i = 1; i <= WRITES; i++) {
      await writeTally(world.tally, i, i === POISON ? { poison: true } : i === RECOVERS ? { failUntilDelivery: 2 } : {});
    }
    // Everything is in the stream before the consumer starts, so it arrives in large batches.
    await waitFor('the outbox to drain', async () => (await world.unpublished()) === 0);
    projector = await world.projector({ durable: DURABLE, batchSize: 100, maxDeliver: 3, nakDelayMs: 200, logger: quietLogger(consumerLog) });

    await waitFor('the others to be projected', async () => (await world.facts()).facts >= WRITES - 1, {
      describe: async () => JSON.stringify(await world.facts()),
    });
    await waitFor('the dead letter', async () => (await deadLetterCount(world)) >= 1);
    await waitFor('the consumer to have nothing pending', async () => (await world.pending(DURABLE)) === 0);

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    const dead = await deadLetters(world);
    const inbox = await world.count(`SELECT count(*) AS n FROM projection.inbox`);
    const rolledBack = consumerLog.filter((l) => /batch of \d+ rolled back/.test(l));
    report('g:batch-poison', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, inboxRows: inbox, deadLettered: dead.length, batchesRolledBack: rolledBack.length });

    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows - 1);
    expect(distinct).toBe(facts);
    expect(inbox).toBe(rows - 1);
    expect(dead).toHaveLength(1);
    expect(dead[0].reason).toMatch(new RegExp(`^permanent: entry ${POISON} can never be projected`));
    expect(dead[0].consumer).toBe(DURABLE);
    // The batch holding the poison (and the transient failure) was rolled back and then handled
    // one message at a time; it held more than one message.
    expect(rolledBack.length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...rolledBack.map((l) => Number(/batch of (\d+)/.exec(l)![1])))).toBeGreaterThan(1);
    // Stream order: only the retried entry is projected after later ones.
    const order = (await world.sql<{ seq: number }>(`SELECT seq FROM projection.tally_fact ORDER BY id`)).map((r) => r.seq);
    const expected = Array.from({ length: WRITES }, (_, i) => i + 1).filter((s) => s !== POISON && s !== RECOVERS);
    expect(order.filter((s) => s !== RECOVERS)).toEqual(expected);
    expect(order).toContain(RECOVERS);
  }, 60_000);
});
