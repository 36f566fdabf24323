import { describe, expect, it } from '@jest/globals';
import { isStalled } from './stall-watch.js';

const limits = { stallMs: 30_000, redeliveryStallMs: 95_000 };

describe(isStalled.name, () => {
  it.each([
    ['quiet 29 s with 40 undelivered: still within the limit', 29_000, 40, 0, false],
    ['quiet 30 s with 40 undelivered: stuck', 30_000, 40, 0, true],
    ['quiet 10 min with nothing on the server: idle', 600_000, 0, 0, false],
    ['quiet 60 s with 3 unacknowledged: may be a nak delay', 60_000, 0, 3, false],
    ['quiet 95 s with 3 unacknowledged: longer than any redelivery wait', 95_000, 0, 3, true],
    ['quiet 95 s with 3 unacknowledged and 1 undelivered', 95_000, 1, 3, true],
  ])('%s', (_, quietMs, pending, ackPending, stalled) => {
    expect(isStalled(quietMs, { num_pending: pending, num_ack_pending: ackPending }, limits)).toBe(stalled);
  });
});
