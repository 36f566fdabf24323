import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { NatsConnection } from '@nats-io/nats-core';
import { natsNames } from '#libs/contracts';
import { ensureJetStream, RELAY_RETRY_HORIZON_MS } from './jetstream-setup.js';

describe(ensureJetStream.name, () => {
  // Validation happens before any I/O, so no connection is needed.
  const nc = {} as NatsConnection;
  const names = natsNames('unit');

  it.each([
    ['a retention under 90 days', { retentionDays: 30 }, /retentionDays/],
    ['a duplicate window shorter than the relay retry horizon', { duplicateWindowMs: RELAY_RETRY_HORIZON_MS - 1 }, /relay retry horizon/],
    ['a duplicate window longer than the retention', { retentionDays: 90, duplicateWindowMs: 91 * 24 * 3600_000 }, /cannot exceed/],
  ])('refuses %s', async (_label, opts, message) => {
    await expect(ensureJetStream(nc, names, opts)).rejects.toThrow(message);
  });
});
