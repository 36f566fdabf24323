/**
 * `work`'s result, or `timedOut` if it has not settled within `ms`: a test of something that
 * could hang (a deadlocked pool) fails with a message instead of hanging until jest's timeout.
 */
export function within<T, M extends string>(ms: number, work: Promise<T>, timedOut: M): Promise<T | M> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<M>((resolve) => (timer = setTimeout(() => resolve(timedOut), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
