import { describe, expect, it } from '@jest/globals';
import { msUntilNextSweep } from './regrade-schedule.js';

const MINUTE = 60_000;

describe(msUntilNextSweep.name, () => {
  it.each([
    ['10:00 local', '2026-11-27T02:00:00Z', 14 * 60 + 5],
    ['just before local midnight', '2026-11-27T15:59:00Z', 6],
    ['at local midnight: the next day, the sweep of today is the boot one or just ran', '2026-11-27T16:00:00Z', 24 * 60 + 5],
    ['right after the sweep time', '2026-11-27T16:05:00Z', 24 * 60],
    ['across a month end', '2026-11-30T15:30:00Z', 35],
  ])('%s (%s) → %d minutes', (_label, now, minutes) => {
    expect(msUntilNextSweep(new Date(now))).toBe(minutes * MINUTE);
  });
});
