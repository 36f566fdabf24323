/**
 * (c) Two relay replicas share the outbox while a stream of writes goes on, and are SIGKILLed
 * again and again. No event is lost and none is in the stream twice (Nats-Msg-Id dedupe).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeTally } from '../fixtures/messaging/tally.js';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { report, spawnFixture, streamCensus, waitFor, World, type FixtureProcess } from './harness.js';

const WRITES = 400;
const KILLS = 6;

describe('OutboxRelay replicas killed repeatedly', () => {
  let world: World;
  const replicas: (FixtureProcess | undefined)[] = [undefined, undefined];
  let projector: RunningProjector | undefined;

  const spawned: FixtureProcess[] = [];
  const startReplica = (i: number) => {
    // Small batches: more claim/publish/commit cycles for the kills to land in.
    replicas[i] = spawnFixture('relay.main', world.env({ BATCH_SIZE: '10' }));
    spawned.push(replicas[i]!);
    return replicas[i]!.ready;
  };

  beforeAll(async () => {
    world = await World.create('rel_c');
  }, 30_000);

  afterAll(async () => {
    await Promise.all(replicas.map((p) => p?.kill()));
    await projector?.close();
    await world?.dispose();
  }, 30_000);

  it('loses nothing and duplicates nothing', async () => {
    await Promise.all([startReplica(0), startReplica(1)]);
    projector = await world.projector();

    let written = 0;
    const writer = (async () => {
      while (written < WRITES) {
        await writeTally(world.tally, ++written);
        if (written % 20 === 0) await new Promise((r) => setTimeout(r, 25));
      }
    })();

    // Kill the replicas in turn while they work (each once it is up), then bring them back.
    for (let k = 0; k < KILLS; k++) {
      const i = k % 2;
      await replicas[i]!.ready;
      const published = await world.count(`SELECT count(*) AS n FROM tally.outbox WHERE published_at IS NOT NULL`);
      await waitFor('the relays to make progress', async () => {
        const now = await world.count(`SELECT count(*) AS n FROM tally.outbox WHERE published_at IS NOT NULL`);
        return now >= published + 20 || (written >= WRITES && (await world.unpublished()) === 0);
      }, { intervalMs: 10 });
      await replicas[i]!.kill('SIGKILL');
      void startReplica(i);
    }
    await writer;

    await waitFor('the outbox to drain', async () => (await world.unpublished()) === 0, {
      timeoutMs: 60_000,
      describe: async () => `unpublished=${await world.unpublished()}`,
    });
    await waitFor('the projection to catch up', async () => (await world.facts()).facts >= WRITES, { timeoutMs: 60_000 });

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    // How many re-publishes the stream dropped (a kill landed between publish and commit).
    const deduplicated = spawned.reduce((n, p) => n + [...p.log.matchAll(/(\d+) event\(s\) were already in the stream/g)].reduce((a, m) => a + Number(m[1]), 0), 0);
    report('c:relay-replicas', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, relayKills: KILLS, deduplicatedRepublishes: deduplicated });
    expect(rows).toBe(WRITES);
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows);
    expect(distinct).toBe(rows);
  }, 120_000);
});
