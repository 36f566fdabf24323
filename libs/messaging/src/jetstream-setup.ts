import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import type { NatsNames } from '#libs/contracts';

export const DEFAULT_RETENTION_DAYS = 365;
/** Projections are rebuilt by replay, so the stream must cover at least a quarter of history. */
export const MIN_RETENTION_DAYS = 90;
/**
 * Longest time between a successful publish of an outbox row and its re-publish: the relay's
 * transaction is cut by `idle_in_transaction_session_timeout` (60 s) and then retried after at
 * most its capped backoff. Nats-Msg-Id deduplication must cover it with a wide margin.
 */
export const RELAY_RETRY_HORIZON_MS = 5 * 60_000;
export const DEFAULT_DUPLICATE_WINDOW_MS = 24 * 3600_000;

export interface JetStreamSetupOptions {
  retentionDays?: number;
  duplicateWindowMs?: number;
}

const DAY_MS = 24 * 3600_000;

export function isJetStreamApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

/** Creates or updates the event and dead-letter streams; safe to call from every service at boot. */
export async function ensureJetStream(nc: NatsConnection, names: NatsNames, opts: JetStreamSetupOptions = {}): Promise<void> {
  const retentionDays = opts.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const duplicateWindowMs = opts.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  if (!(retentionDays >= MIN_RETENTION_DAYS)) {
    throw new RangeError(`retentionDays must be at least ${MIN_RETENTION_DAYS} (got ${retentionDays})`);
  }
  if (!(duplicateWindowMs >= RELAY_RETRY_HORIZON_MS)) {
    throw new RangeError(`duplicateWindowMs must cover the relay retry horizon of ${RELAY_RETRY_HORIZON_MS} ms`);
  }
  if (duplicateWindowMs > retentionDays * DAY_MS) throw new RangeError('duplicateWindowMs cannot exceed the retention');
  const jsm = await jetstreamManager(nc);
  const common = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(retentionDays * DAY_MS),
    duplicate_window: nanos(duplicateWindowMs),
    num_replicas: 1,
  };
  await upsertStream(jsm, { ...common, name: names.eventStream, subjects: [names.eventWildcard] });
  await upsertStream(jsm, { ...common, name: names.deadLetterStream, subjects: [names.deadLetterWildcard] });
}

type StreamSpec = Pick<StreamConfig, 'name' | 'subjects' | 'retention' | 'storage' | 'discard' | 'max_age' | 'duplicate_window' | 'num_replicas'>;

async function upsertStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  try {
    const info = await jsm.streams.info(spec.name);
    const c = info.config;
    const same =
      c.max_age === spec.max_age &&
      c.duplicate_window === spec.duplicate_window &&
      JSON.stringify(c.subjects ?? []) === JSON.stringify(spec.subjects);
    if (!same) {
      await jsm.streams.update(spec.name, { subjects: spec.subjects, max_age: spec.max_age, duplicate_window: spec.duplicate_window });
    }
    return;
  } catch (err) {
    if (!isJetStreamApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
  }
  try {
    await jsm.streams.add(spec);
  } catch (err) {
    // Another service created it between our info and add: converge on our settings.
    if (isJetStreamApiError(err, 10058 /* stream name already in use */)) {
      await jsm.streams.update(spec.name, { subjects: spec.subjects, max_age: spec.max_age, duplicate_window: spec.duplicate_window });
      return;
    }
    throw err;
  }
}
