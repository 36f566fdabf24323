import { setImmediate as nextTurn } from 'node:timers/promises';

const NOT_READY = Symbol('NOT_READY');

/**
 * Takes items from an async iterator in batches without waiting for a batch to fill: waits for
 * the first item, then takes only those that have already arrived (they resolve within the
 * current turn of the event loop), up to `max`. An item asked for but not yet arrived stays
 * pending and opens the next batch, so nothing is skipped or reordered.
 */
export class BatchReader<T> {
  private pending?: Promise<IteratorResult<T>>;

  constructor(private readonly iterator: AsyncIterator<T>) {}

  /** The next batch, in iterator order; empty once the iterator has ended. */
  async next(max: number): Promise<T[]> {
    const batch: T[] = [];
    for (;;) {
      const item = (this.pending ??= this.iterator.next());
      const result = batch.length === 0 ? await item : await Promise.race([item, nextTurn(NOT_READY)]);
      if (result === NOT_READY) return batch;
      this.pending = undefined;
      if (result.done) return batch;
      batch.push(result.value);
      if (batch.length >= max) return batch;
    }
  }
}
