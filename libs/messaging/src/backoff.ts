/** Capped exponential backoff: `base * 2^(attempt-1)`, at most `cap`. `attempt` starts at 1. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number): number {
  const n = Math.max(1, Math.floor(attempt));
  // Past 2^30 the product is already far above any sensible cap; avoid Infinity.
  const factor = 2 ** Math.min(n - 1, 30);
  return Math.min(capMs, baseMs * factor);
}
