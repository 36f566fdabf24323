/**
 * (a) The tally service process is SIGKILLed between the commit of its writes and their
 * publication. A new relay process (here: in the test process) then delivers every event to the
 * stream and the projection exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay } from '#libs/messaging';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { quietLogger, report, spawnFixture, waitFor, World, type FixtureProcess } from './harness.js';

const WRITES = 5;

describe('OutboxRelay crash between commit and publish', () => {
  let world: World;
  const running: FixtureProcess[] = [];

  beforeAll(async () => {
    world = await World.create('rel_a');
  }, 30_000);

  afterAll(async () => {
    await Promise.all(running.map((p) => p.kill()));
    await world?.dispose();
  }, 30_000);

  it.each([
    ['claimed but not yet published', 'before-publish', 0],
    ['published but not yet marked', 'after-publish', WRITES],
  ])(
    'delivers each event exactly once after a SIGKILL when %s',
    async (_label, crash, inStreamAtCrash) => {
      const durable = `proj_${crash.replace('-', '_')}`;
      const rowsBefore = await world.rowsWritten();
      const streamBefore = await world.streamMessages();

      const crashing = spawnFixture('tally-service.main', world.env({ WRITES: String(WRITES), FIRST_SEQ: String(rowsBefore + 1), CRASH: crash }));
      running.push(crashing);
      await crashing.exited;
      expect(crashing.child.signalCode).toBe('SIGKILL');
      expect(await world.rowsWritten()).toBe(rowsBefore + WRITES);
      expect(await world.unpublished()).toBe(WRITES);
      expect(await world.streamMessages()).toBe(streamBefore + inStreamAtCrash);

      const relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
      let projector: RunningProjector | undefined;
      try {
        await relay.start();
        // A fresh durable and projection per case: it replays the whole stream.
        projector = await world.projector({ durable, schema: durable });
        const rows = await world.rowsWritten();
        await waitFor('the outbox to drain', async () => (await world.unpublished()) === 0);
        await waitFor('the projection to catch up', async () => (await world.facts(durable)).facts >= rows);
        await waitFor('the consumer to have nothing pending', async () => (await projector!.server.consumerLag()) === 0);

        const messages = await world.streamMessages();
        const { facts, distinct } = await world.facts(durable);
        report(`a:${crash}`, { rowsWritten: rows, messagesInStream: messages, factsInProjection: facts });
        expect(messages).toBe(rows);
        expect(facts).toBe(rows);
        expect(distinct).toBe(rows);
        await expect(relay.lagSeconds()).resolves.toBe(0);
      } finally {
        await projector?.close();
        await relay.stop();
      }
    },
    60_000,
  );
});
