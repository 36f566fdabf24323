/**
 * (d) The projector process is SIGKILLed again and again while events flow: every fact is in the
 * projection exactly once (inbox in the handler's transaction; redelivery is a no-op).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import { quietLogger, report, spawnFixture, streamCensus, waitFor, World, type FixtureProcess } from './harness.js';

const WRITES = 300;
const KILLS = 5;

describe('JetStreamEventServer consumer killed repeatedly', () => {
  let world: World;
  let relay: OutboxRelay;
  let projector: FixtureProcess | undefined;

  const spawned: FixtureProcess[] = [];
  const startProjector = (env: Record<string, string> = {}) => {
    projector = spawnFixture('projector.main', world.env({ ACK_WAIT_MS: '1500', PREFETCH: '8', ...env }));
    spawned.push(projector);
    return projector.ready;
  };

  beforeAll(async () => {
    world = await World.create('rel_d');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, batchSize: 20, logger: quietLogger() });
    await relay.start();
  }, 30_000);

  afterAll(async () => {
    await projector?.kill();
    await relay?.stop();
    await world?.dispose();
  }, 30_000);

  it('projects each event exactly once', async () => {
    // The first instance dies right after committing the fact of entry 10, before acking it:
    // the redelivery must find the inbox row and do nothing.
    await startProjector({ CRASH_AFTER_COMMIT_SEQ: '10' });
    let written = 0;
    const writer = (async () => {
      while (written < WRITES) {
        await writeTally(world.tally, ++written);
        if (written % 10 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const factsAtKills: number[] = [];
    await projector!.exited;
    expect(projector!.child.signalCode).toBe('SIGKILL');
    await startProjector();
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
      describe: async () => `${await world.diagnose()}; projector alive: ${projector!.alive}; its log: ${projector!.log.slice(-2000)}`,
    });
    // Anything still unacked would come back after ack_wait: let it, then count.
    await waitFor('the consumer to have nothing pending', async () => (await world.pending()) === 0, { timeoutMs: 30_000 });

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    const inbox = await world.count(`SELECT count(*) AS n FROM projection.inbox`);
    console.log(`[d] facts when killed: ${factsAtKills.join(', ')}`);
    // Deliveries the inbox turned into no-ops (handled and committed, but the ack died with the process).
    const skipped = spawned.reduce((n, p) => n + (p.log.match(/already handled; redelivery acknowledged/g)?.length ?? 0), 0);
    report('d:consumer-kills', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts, inboxRows: inbox, consumerKills: KILLS + 1, redeliveriesSkipped: skipped });
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows);
    expect(distinct).toBe(rows);
    expect(inbox).toBe(rows);
    expect(skipped).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

