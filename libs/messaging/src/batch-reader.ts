import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

const NOT_READY = Symbol('NOT_READY');

/**
 * Takes items from an async iterator in batches without waiting for a batch to fill: waits for
 * the first item, then takes those that arrive within `lingerMs` of it (0: only those that have
 * already arrived, within the current turn of the event loop), up to `max`. An item asked for but
 * not yet arrived stays pending and opens the next batch, so nothing is skipped or reordered.
 */
export class BatchReader<T> {
  private pending?: Promise<IteratorResult<T>>;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** The next batch, in iterator order; empty once the iterator has ended. */
  async next(max: number, lingerMs = 0): Promise<T[]> {
    const batch: T[] = [];
    let lingering: Promise<typeof NOT_READY> | undefined;
    for (;;) {
      const item = (this.pending ??= this.iterator.next());
      let result: IteratorResult<T> | typeof NOT_READY;
      if (batch.length === 0) {
        result = await item;
        if (lingerMs > 0) lingering = sleep(lingerMs, NOT_READY, { ref: false });
      } else {
        if (lingering) {
          result = await Promise.race([item, lingering]);
          // The linger is over: still take what has arrived meanwhile, then close the batch.
          if (result === NOT_READY) lingering = undefined;
        } else {
          result = NOT_READY;
        }
        if (result === NOT_READY) result = await Promise.race([item, nextTurn(NOT_READY)]);
      }
      if (result === NOT_READY) return batch;
      this.pending = undefined;
      if (result.done) return batch;
      batch.push(result.value);
      if (batch.length >= max) return batch;
    }
  }
}
