/**
 * (c) Two relay replicas share the outbox while a stream of writes goes on, and are SIGKILLed
 * again and again. No event is lost and none is in the stream twice (Nats-Msg-Id dedupe).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeTally } from '../fixtures/messaging/tally.js';
import { report, spawnFixture, streamCensus, waitFor, World, type FixtureProcess } from './harness.js';

const WRITES = 400;
const KILLS = 8;

describe('OutboxRelay replicas killed repeatedly', () => {
  let world: World;
  const replicas: (FixtureProcess | undefined)[] = [undefined, undefined];
  let projector: FixtureProcess | undefined;

  const startReplica = (i: number) => {
    // Small batches: more claim/publish/commit cycles for the kills to land in.
    replicas[i] = spawnFixture('relay.main', world.env({ BATCH_SIZE: '10' }));
    return replicas[i]!.ready;
  };

  beforeAll(async () => {
    world = await World.create('rel_c');
  });

  afterAll(async () => {
    await Promise.all([...replicas, projector].map((p) => p?.kill()));
    await world?.dispose();
  });

  it('loses nothing and duplicates nothing', async () => {
    await Promise.all([startReplica(0), startReplica(1)]);
    projector = spawnFixture('projector.main', world.env({ ACK_WAIT_MS: '2000' }));
    await projector.ready;

    let written = 0;
    const writer = (async () => {
      while (written < WRITES) {
        await writeTally(world.tally, ++written);
        if (written % 20 === 0) await new Promise((r) => setTimeout(r, 25));
      }
    })();

    // Kill whichever replica is due while it works, then bring it back.
    for (let k = 0; k < KILLS; k++) {
      const i = k % 2;
      const target = written;
      await waitFor('more writes', async () => written >= Math.min(WRITES, target + 25), { intervalMs: 10 });
      await replicas[i]!.kill('SIGKILL');
      await startReplica(i);
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
    report('c:relay-replicas', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, relayKills: KILLS });
    expect(rows).toBe(WRITES);
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows);
    expect(distinct).toBe(rows);
  });
});
