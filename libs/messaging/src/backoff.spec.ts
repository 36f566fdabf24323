import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from './backoff.js';

describe(backoffDelay.name, () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [5, 3200],
    [6, 5000],
    [1000, 5000],
    [0, 200],
  ])('attempt %i waits %i ms (base 200, cap 5000)', (attempt, expected) => {
    expect(backoffDelay(attempt, 200, 5000)).toBe(expected);
  });
});
