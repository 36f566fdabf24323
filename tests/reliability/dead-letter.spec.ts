/**
 * (f) Poison messages go to the consumer's dead-letter subject while the others flow: a handler
 * that throws PermanentEventError, a handler that keeps failing past maxDeliver, and bytes that
 * are not an event. A transient failure that clears up is retried, not dead-lettered.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { EVENT_HEADERS } from '#libs/contracts';
import { OutboxRelay } from '#libs/messaging';
import { TALLY_EVENT, writeTally } from '../fixtures/messaging/tally.js';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { deadLetterCount, deadLetters, quietLogger, report, streamCensus, waitFor, World } from './harness.js';

const WRITES = 100;
const POISON = 30;
const RECOVERS = 50;
const EXHAUSTS = 70;
const DURABLE = 'tally_projection';

describe('JetStreamEventServer dead-letter', () => {
  let world: World;
  let relay: OutboxRelay;
  let projector: RunningProjector | undefined;
  const consumerLog: string[] = [];

  beforeAll(async () => {
    world = await World.create('rel_f');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
    await relay.start();
  }, 30_000);

  afterAll(async () => {
    await projector?.close();
    await relay?.stop();
    await world?.dispose();
  }, 30_000);

  it('dead-letters the poison and projects everything else', async () => {
    projector = await world.projector({ durable: DURABLE, maxDeliver: 3, nakDelayMs: 200, logger: quietLogger(consumerLog) });

    for (let i = 1; i <= WRITES; i++) {
      const extra = i === POISON ? { poison: true } : i === RECOVERS ? { failUntilDelivery: 3 } : i === EXHAUSTS ? { failUntilDelivery: 99 } : {};
      await writeTally(world.tally, i, extra);
      if (i === WRITES / 2) {
        const h = natsHeaders();
        h.set(EVENT_HEADERS.type, TALLY_EVENT);
        await jetstream(world.nc).publish(world.names.eventSubject(TALLY_EVENT), new TextEncoder().encode('{not json'), { headers: h });
      }
    }

    await waitFor('the others to be projected', async () => (await world.facts()).facts >= WRITES - 2, {
      timeoutMs: 30_000,
      describe: async () => JSON.stringify(await world.facts()),
    });
    await waitFor('the three dead letters', async () => (await deadLetterCount(world)) >= 3, { timeoutMs: 30_000 });
    await waitFor('the consumer to have nothing pending', async () => (await world.pending(DURABLE)) === 0);

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    const dead = await deadLetters(world);
    report('f:dead-letter', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, deadLettered: dead.length });
    expect(census.messages).toBe(rows + 1); // + the unparseable message published by hand
    expect(facts).toBe(rows - 2);
    expect(distinct).toBe(facts);
    const projected = await world.sql<{ seq: number }>(`SELECT seq FROM projection.tally_fact WHERE seq IN ($1, $2, $3)`, [POISON, RECOVERS, EXHAUSTS]);
    expect(projected.map((r) => r.seq)).toEqual([RECOVERS]);

    expect(dead).toHaveLength(3);
    const reasons = dead.map((d) => d.reason).sort();
    expect(reasons[0]).toMatch(/^failed 3 attempts: /);
    expect(reasons[1]).toMatch(/^permanent: entry 30 can never be projected/);
    expect(reasons[2]).toMatch(/^unparseable JSON/);
    for (const d of dead) expect(d.consumer).toBe(DURABLE);
    expect(dead.filter((d) => d.type === TALLY_EVENT)).toHaveLength(3);
    expect(new Set(dead.map((d) => d.subject))).toEqual(new Set([world.names.deadLetterSubject(DURABLE)]));
    // The entry that failed twice was retried with backoff and then projected.
    expect(consumerLog.filter((l) => /failed \(attempt \d\)/.test(l)).length).toBeGreaterThanOrEqual(2 + 2);
  }, 60_000);
});
