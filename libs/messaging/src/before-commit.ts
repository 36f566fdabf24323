/**
 * Work that handlers of one transaction defer to its end: the first handler to ask for `key`
 * opens its state, every handler adds to it, and `flush` runs once after the last handler,
 * before the commit. A batch of events can then be written with a few set-based statements
 * instead of a few per event. The hooks live and die with their transaction: a rolled-back batch
 * drops them, and each message retried on its own gets fresh ones.
 */
export class BeforeCommitHooks {
  private readonly hooks = new Map<string, { state: unknown; flush: (state: unknown) => Promise<void> }>();
  private flushed = false;

  /** The state kept under `key` in this transaction, opened by `start` on first use. */
  state<T>(key: string, start: () => T, flush: (state: T) => Promise<void>): T {
    if (this.flushed) throw new Error(`beforeCommit("${key}") called after the transaction's hooks ran`);
    const hook = this.hooks.get(key);
    if (hook) return hook.state as T;
    const state = start();
    this.hooks.set(key, { state, flush: flush as (state: unknown) => Promise<void> });
    return state;
  }

  /** Runs each hook once, in the order they were first asked for; a failure stops the rest. */
  async flush(): Promise<void> {
    this.flushed = true;
    for (const { state, flush } of this.hooks.values()) await flush(state);
  }
}
