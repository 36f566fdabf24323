/**
 * (d) The projector process is SIGKILLed again and again while events flow: every fact is in the
 * projection exactly once (inbox in the handler's transaction; redelivery is a no-op).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import { report, spawnFixture, streamCensus, waitFor, World, type FixtureProcess } from './harness.js';

const WRITES = 300;
const KILLS = 6;

describe('JetStreamEventServer consumer killed repeatedly', () => {
  let world: World;
  let relay: OutboxRelay;
  let projector: FixtureProcess | undefined;

  const startProjector = () => {
    projector = spawnFixture('projector.main', world.env({ ACK_WAIT_MS: '1500', PREFETCH: '8' }));
    return projector.ready;
  };

  beforeAll(async () => {
    world = await World.create('rel_d');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, batchSize: 20 });
    await relay.start();
  });

  afterAll(async () => {
    await projector?.kill();
    await relay?.stop();
    await world?.dispose();
  });

  it('projects each event exactly once', async () => {
    await startProjector();
    let written = 0;
    const writer = (async () => {
      while (written < WRITES) {
        await writeTally(world.tally, ++written);
        if (written % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();

    let factsAtKills: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const before = (await world.facts()).facts;
      // Kill it mid-stream: after it has projected something since its (re)start.
      await waitFor('the projector to make progress', async () => (await world.facts()).facts >= Math.min(before + 15, WRITES), { intervalMs: 10 });
      await projector!.kill('SIGKILL');
      factsAtKills.push((await world.facts()).facts);
      await startProjector();
    }
    await writer;

    await waitFor('the projection to catch up', async () => (await world.facts()).facts >= WRITES, {
      timeoutMs: 60_000,
      describe: async () => JSON.stringify(await world.facts()),
    });
    // Anything still unacked would come back after ack_wait: let it, then count.
    await waitFor('the consumer to have nothing pending', async () => (await world.pending()) === 0, { timeoutMs: 30_000 });

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    const inbox = await world.count(`SELECT count(*) AS n FROM projection.inbox`);
    console.log(`[d] facts when killed: ${factsAtKills.join(', ')}`);
    report('d:consumer-kills', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, inboxRows: inbox, consumerKills: KILLS });
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows);
    expect(distinct).toBe(rows);
    expect(inbox).toBe(rows);
    factsAtKills = [];
  });
});

