/**
 * The contract pieces the crash tests rely on: the outbox write is atomic with the change, the
 * streams are set up idempotently with the required retention, and every message carries the
 * event headers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { EVENT_HEADERS } from '#libs/contracts';
import { appendToOutbox, ensureJetStream, newEvent, OutboxRelay } from '#libs/messaging';
import { TALLY_EVENT, writeTally } from '../fixtures/messaging/tally.js';
import { quietLogger, waitFor, World } from './harness.js';

const DAY_NS = 24 * 3600 * 1e9;

describe('outbox and stream basics', () => {
  let world: World;

  beforeAll(async () => {
    world = await World.create('rel_basics');
  }, 30_000);

  afterAll(async () => {
    await world?.dispose();
  }, 30_000);

  it('sets up both streams idempotently with a year of retention and a wide duplicate window', async () => {
    await ensureJetStream(world.nc, world.names);
    await ensureJetStream(world.nc, world.names);
    const jsm = await jetstreamManager(world.nc);
    const events = await jsm.streams.info(world.names.eventStream);
    const dlq = await jsm.streams.info(world.names.deadLetterStream);
    expect(events.config).toMatchObject({ subjects: [world.names.eventWildcard], max_age: 365 * DAY_NS, duplicate_window: DAY_NS });
    expect(dlq.config).toMatchObject({ subjects: [world.names.deadLetterWildcard], max_age: 365 * DAY_NS });
  });

  it('refuses to write outside a transaction', async () => {
    const event = newEvent({ type: TALLY_EVENT, aggregateType: 'tally', aggregateId: 'x', bureau: '320900', actor: { username: 'u', role: 'system', bureau: '320900' }, payload: {} }, new Date());
    await expect(appendToOutbox(world.tally.manager, [event])).rejects.toThrow(/inside the transaction/);
  });

  it('rolls the event back with the change', async () => {
    await expect(
      world.tally.transaction(async (manager) => {
        await manager.query(`INSERT INTO tally_entry (id, seq) VALUES ($1, 0)`, [crypto.randomUUID()]);
        const event = newEvent({ type: TALLY_EVENT, aggregateType: 'tally', aggregateId: 'x', bureau: '320900', actor: { username: 'u', role: 'system', bureau: '320900' }, payload: { seq: 0 } }, new Date());
        await appendToOutbox(manager, [event]);
        throw new Error('the change fails after its event was appended');
      }),
    ).rejects.toThrow(/change fails/);
    expect(await world.rowsWritten()).toBe(0);
    expect(await world.count(`SELECT count(*) AS n FROM tally.outbox`)).toBe(0);
  });

  it('publishes each event with its headers on its type subject', async () => {
    const id = await writeTally(world.tally, 1);
    const [row] = await world.sql<{ envelope: { occurredAt: string } }>(`SELECT envelope FROM tally.outbox WHERE id = $1`, [id]);
    const relay = new OutboxRelay({ dataSource: world.tally, servers: world.servers, names: world.names, pollMs: 100, logger: quietLogger() });
    await relay.start();
    try {
      await waitFor('the event to be published', async () => (await world.unpublished()) === 0);
    } finally {
      await relay.stop();
    }
    const jsm = await jetstreamManager(world.nc);
    const m = (await jsm.streams.getMessage(world.names.eventStream, { seq: 1 }))!;
    expect(m.subject).toBe(world.names.eventSubject(TALLY_EVENT));
    expect(m.json<{ id: string }>().id).toBe(id);
    expect({
      msgId: m.header.get(EVENT_HEADERS.msgId),
      type: m.header.get(EVENT_HEADERS.type),
      version: m.header.get(EVENT_HEADERS.version),
      occurredAt: m.header.get(EVENT_HEADERS.occurredAt),
      correlationId: m.header.get(EVENT_HEADERS.correlationId),
    }).toEqual({ msgId: id, type: TALLY_EVENT, version: '1', occurredAt: row.envelope.occurredAt, correlationId: 'req-1' });
  }, 30_000);
});
