/**
 * (e) A projection is rebuilt from the stream: the durable consumer is deleted and a fresh
 * projection replays every event; it comes out identical to the original.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import { quietLogger, report, streamCensus, waitFor, World } from './harness.js';

const WRITES = 200;
const DURABLE = 'tally_projection';

describe('JetStreamEventServer replay into a fresh projection', () => {
  let world: World;
  let relay: OutboxRelay;

  const project = async (schema: string) => {
    const projector = await world.projector({ durable: DURABLE, schema });
    try {
      await waitFor(`${schema} to catch up`, async () => (await world.facts(schema)).facts >= WRITES);
      await waitFor('the consumer to have nothing pending', async () => (await projector.server.consumerLag()) === 0);
    } finally {
      await projector.close();
    }
  };
  const projection = (schema: string) => world.sql(`SELECT event_id, entry_id, seq FROM "${schema}".tally_fact ORDER BY seq, event_id`);

  beforeAll(async () => {
    world = await World.create('rel_e');
    relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
    await relay.start();
  }, 30_000);

  afterAll(async () => {
    await relay?.stop();
    await world?.dispose();
  }, 30_000);

  it('rebuilds an identical projection', async () => {
    for (let i = 1; i <= WRITES; i++) await writeTally(world.tally, i);
    await waitFor('the outbox to drain', async () => (await world.unpublished()) === 0);
    await project('projection');

    const jsm = await jetstreamManager(world.nc);
    await jsm.consumers.delete(world.names.eventStream, DURABLE);
    await project('projection_replay');

    const original = await projection('projection');
    const replayed = await projection('projection_replay');
    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    report('e:replay', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: original.length, factsInReplayedProjection: replayed.length });
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(original).toHaveLength(rows);
    expect(replayed).toEqual(original);
  }, 60_000);

  it('recreates its durable when it is deleted while running, projecting nothing twice', async () => {
    const durable = 'live_projection';
    const schema = 'projection_live';
    const lines: string[] = [];
    const projector = await world.projector({ durable, schema, logger: quietLogger(lines) });
    try {
      const first = await world.rowsWritten();
      await waitFor('the live projection to catch up', async () => (await world.facts(schema)).facts >= first);
      await (await jetstreamManager(world.nc)).consumers.delete(world.names.eventStream, durable);
      for (let i = 1; i <= 20; i++) await writeTally(world.tally, first + i);
      const rows = await world.rowsWritten();
      await waitFor('the recreated durable to deliver the new events', async () => (await world.facts(schema)).facts >= rows, {
        describe: async () => `${JSON.stringify(await world.facts(schema))} log=${lines.slice(-3).join(' | ')}`,
      });
      await waitFor('the consumer to have nothing pending', async () => (await projector.server.consumerLag()) === 0);
      const { facts, distinct } = await world.facts(schema);
      report('e:deleted-while-running', { rowsWritten: rows, messagesInStream: await world.streamMessages(), factsInProjection: facts });
      expect(facts).toBe(rows);
      expect(distinct).toBe(rows);
      expect(lines.some((l) => /no longer exists/.test(l))).toBe(true);
    } finally {
      await projector.close();
    }
  }, 60_000);
});
