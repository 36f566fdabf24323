import { describe, expect, it } from '@jest/globals';
import { BatchReader } from './batch-reader.js';

/** An async iterator fed by hand, like the JetStream message iterator. */
function feed<T>(): { iterator: AsyncIterator<T>; push(...items: T[]): void; end(): void } {
  const queue: T[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  async function* gen(): AsyncGenerator<T> {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((r) => (wake = r));
    }
  }
  return {
    iterator: gen(),
    push: (...items) => {
      queue.push(...items);
      wake?.();
    },
    end: () => {
      ended = true;
      wake?.();
    },
  };
}

describe(BatchReader.name, () => {
  it.each([
    { arrived: [1, 2, 3], max: 10, batch: [1, 2, 3] },
    { arrived: [1, 2, 3, 4, 5], max: 2, batch: [1, 2] },
    { arrived: [7], max: 100, batch: [7] },
  ])('takes what has arrived, up to max: $arrived max $max → $batch', async ({ arrived, max, batch }) => {
    const f = feed<number>();
    f.push(...arrived);
    const sut = new BatchReader(f.iterator);
    await expect(sut.next(max)).resolves.toEqual(batch);
  });

  it('waits for the first item, not for a full batch', async () => {
    const f = feed<number>();
    const sut = new BatchReader(f.iterator);
    const batch = sut.next(100);
    setTimeout(() => f.push(1, 2), 20);
    await expect(batch).resolves.toEqual([1, 2]);
  });

  it('keeps order across batches and loses nothing asked for while waiting', async () => {
    const f = feed<number>();
    const sut = new BatchReader(f.iterator);
    f.push(1, 2, 3);
    const seen: number[] = [];
    seen.push(...(await sut.next(2)));
    seen.push(...(await sut.next(2)));
    // The reader asked for a fourth item that had not arrived; it opens the next batch.
    setTimeout(() => f.push(4, 5), 10);
    seen.push(...(await sut.next(10)));
    f.push(6);
    f.end();
    seen.push(...(await sut.next(10)));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(sut.next(10)).resolves.toEqual([]);
  });

  it('with a linger, also takes what arrives within it of the first item, then closes the batch', async () => {
    const f = feed<number>();
    const sut = new BatchReader(f.iterator);
    f.push(1);
    setTimeout(() => f.push(2, 3), 10);
    setTimeout(() => f.push(4), 250);
    await expect(sut.next(100, 100)).resolves.toEqual([1, 2, 3]);
    await expect(sut.next(100, 100)).resolves.toEqual([4]);
  });

  it('with a linger, returns as soon as the batch is full', async () => {
    const f = feed<number>();
    const sut = new BatchReader(f.iterator);
    f.push(1, 2, 3);
    const started = Date.now();
    await expect(sut.next(3, 5_000)).resolves.toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
