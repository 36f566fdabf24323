import type { ConnectionOptions } from '@nats-io/nats-core';

/**
 * What every long-lived NATS connection of the suite shares.
 *
 * Reconnect forever: nats.js gives up after 10 attempts (~20 s) and then stays closed while the
 * process lives on, so a longer NATS outage would leave a service dead until it is restarted.
 *
 * No async traces: with them nats.js builds two Error objects (with stack traces) for every
 * request, JetStream publish included, whether or not it fails — in profiles the largest single
 * cost of the outbox relay and of gateway commands. A failed request still says what failed;
 * only the caller's frames are missing from its stack.
 */
export const NATS_CONNECTION_DEFAULTS = {
  maxReconnectAttempts: -1,
  reconnectTimeWait: 500,
  noAsyncTraces: true,
} as const satisfies ConnectionOptions;
