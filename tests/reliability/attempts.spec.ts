/**
 * (h) Attempts, not deliveries: a message redelivered because it waited unacknowledged (never
 * attempted) is still handled, while one its process dies on every time is dead-lettered after
 * `maxDeliver` attempts, instead of crashing the consumer for ever.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { deadLetterCount, deadLetters, quietLogger, report, spawnFixture, waitFor, World, type FixtureProcess } from './harness.js';

const DURABLE = 'tally_projection';

describe('JetStreamEventServer counts attempts, not deliveries', () => {
  let world: World;
  let relay: OutboxRelay;
  let projector: RunningProjector | undefined;
  const spawned: FixtureProcess[] = [];

  beforeAll(async () => {
    world = await World.create('rel_h');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
    await relay.start();
  }, 30_000);

  afterEach(async () => {
    await projector?.close();
    projector = undefined;
    for (const p of spawned) await p.kill();
  }, 30_000);

  afterAll(async () => {
    await relay?.stop();
    await world?.dispose();
  }, 30_000);

  it('handles a message delivered five times but never attempted (it waited unacknowledged), with maxDeliver 2', async () => {
    const jsm = await jetstreamManager(world.nc);
    await jsm.consumers.add(world.names.eventStream, {
      durable_name: DURABLE,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(500),
      filter_subject: world.names.eventWildcard,
      deliver_policy: DeliverPolicy.All,
    });
    await writeTally(world.tally, 1);
    // Someone takes it and never acknowledges it, four times over: a busy consumer's buffer.
    const consumer = await jetstream(world.nc).consumers.get(world.names.eventStream, DURABLE);
    for (let i = 0; i < 4; i++) {
      const m = await consumer.next({ expires: 5000 });
      expect(m?.info.deliveryCount).toBe(i + 1);
      await new Promise((r) => setTimeout(r, 700));
    }

    projector = await world.projector({ ackWaitMs: 500, maxDeliver: 2 });
    await waitFor('the entry to be projected', async () => (await world.facts()).facts === 1, { timeoutMs: 15_000, describe: () => world.diagnose() });
    const info = await jsm.consumers.info(world.names.eventStream, DURABLE);
    expect(info.delivered.consumer_seq).toBeGreaterThanOrEqual(5);
    expect(await world.count(`SELECT count(*) AS n FROM projection.inbox_attempt`)).toBe(0);
    expect(await deadLetterCount(world)).toBe(0);
  }, 30_000);

  it('dead-letters a message its process dies on after maxDeliver attempts; the others are projected once', async () => {
    const before = (await world.facts()).facts;
    const CRASHES_ON = 105;
    for (let seq = 101; seq <= 110; seq++) await writeTally(world.tally, seq);
    let deaths = 0;
    for (const deadline = Date.now() + 60_000; (await deadLetterCount(world)) === 0; ) {
      expect(Date.now()).toBeLessThan(deadline);
      const p = spawnFixture('projector.main', world.env({ ACK_WAIT_MS: '1000', MAX_DELIVER: '3', CRASH_BEFORE_COMMIT_SEQ: String(CRASHES_ON) }));
      spawned.push(p);
      while (p.alive && (await deadLetterCount(world)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (p.alive) continue;
      expect(p.child.signalCode).toBe('SIGKILL');
      deaths++;
    }
    await waitFor('the others to be projected', async () => (await world.facts()).facts === before + 9, { timeoutMs: 20_000, describe: () => world.diagnose() });
    await waitFor('the consumer to have nothing pending', async () => (await world.pending()) === 0, { timeoutMs: 20_000 });

    const dead = await deadLetters(world);
    const { facts, distinct } = await world.facts();
    report('h:attempts', { rowsWritten: await world.rowsWritten(), factsInProjection: facts, processDeaths: deaths, deadLettered: dead.length });
    expect(deaths).toBe(3);
    expect(dead).toHaveLength(1);
    expect(dead[0]!.reason).toMatch(/^attempted 3 times; none finished/);
    expect(distinct).toBe(facts);
    const projected = await world.sql<{ seq: number }>(`SELECT seq FROM projection.tally_fact WHERE seq > 100 ORDER BY seq`);
    expect(projected.map((r) => r.seq)).toEqual([101, 102, 103, 104, 106, 107, 108, 109, 110]);
  }, 120_000);
});
