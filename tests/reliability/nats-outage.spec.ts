/**
 * (b) NATS goes away while the API keeps writing: writes succeed, the outbox grows and reports
 * lag, and everything drains once NATS is back. Uses a private nats-server (killed and restarted
 * on the same port and store), never the shared one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboxRelay } from '#libs/messaging';
import { writeTally } from '../fixtures/messaging/tally.js';
import type { RunningProjector } from '../fixtures/messaging/projector.js';
import { PrivateNats, quietLogger, report, streamCensus, waitFor, World } from './harness.js';

const BEFORE = 50;
const DURING = 150;
const DURABLE = 'tally_projection';

describe('OutboxRelay while NATS is unreachable', () => {
  let nats: PrivateNats;
  let world: World;
  let relay: OutboxRelay;
  let projector: RunningProjector | undefined;
  const warnings: string[] = [];

  beforeAll(async () => {
    nats = await PrivateNats.start();
    world = await World.create('rel_b', nats.url);
    relay = new OutboxRelay({
      dataSource: world.tally,
      servers: nats.url,
      names: world.names,
      pollMs: 200,
      maxBackoffMs: 1000,
      publishTimeoutMs: 1000,
      logger: quietLogger(warnings),
    });
  });

  afterAll(async () => {
    await relay?.stop();
    await projector?.close();
    await world?.dispose();
    await nats?.dispose();
  }, 30_000);

  it('keeps accepting writes, reports lag, then drains every event exactly once', async () => {
    await relay.start();
    // The consumer reconnects by itself when NATS comes back.
    projector = await world.projector({ durable: DURABLE });

    for (let i = 1; i <= BEFORE; i++) await writeTally(world.tally, i);
    await waitFor('the first writes to be projected', async () => (await world.facts()).facts === BEFORE);

    await nats.kill();
    for (let i = BEFORE + 1; i <= BEFORE + DURING; i++) await writeTally(world.tally, i);
    expect(await world.rowsWritten()).toBe(BEFORE + DURING);
    expect(await world.unpublished()).toBe(DURING);
    await waitFor('the lag to show', async () => (await relay.lagSeconds()) > 0);
    const lag = await relay.lagSeconds();
    // The relay kept trying with backoff rather than giving up.
    await waitFor('the relay to report failed attempts', async () => warnings.some((w) => /retrying in/.test(w)));
    console.log(`[b:outage] unpublished=${await world.unpublished()} lagSeconds=${lag.toFixed(2)} relayWarnings=${warnings.length}`);

    await nats.up();
    await waitFor('the outbox to drain', async () => (await world.unpublished()) === 0, { timeoutMs: 30_000 });
    await waitFor('the projection to catch up', async () => (await world.facts()).facts >= BEFORE + DURING, { timeoutMs: 30_000 });
    await expect(relay.lagSeconds()).resolves.toBe(0);

    const rows = await world.rowsWritten();
    const census = await streamCensus(world.nc, world.names);
    const { facts, distinct } = await world.facts();
    report('b:nats-outage', { rowsWritten: rows, messagesInStream: census.messages, factsInProjection: facts });
    expect(census).toEqual({ messages: rows, distinctIds: rows });
    expect(facts).toBe(rows);
    expect(distinct).toBe(rows);
  }, 90_000);
});

