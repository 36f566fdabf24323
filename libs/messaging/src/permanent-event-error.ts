import { AsyncLocalStorage } from 'node:async_hooks';

interface HandlingScope {
  permanent?: PermanentEventError;
}

/**
 * Nest's RPC exception filters replace a handler's error with a plain `{ status, message }`
 * before the transport sees it, so the class of the thrown error is lost. The consumer runs
 * each handler inside this scope and the error records itself when constructed.
 */
const scope = new AsyncLocalStorage<HandlingScope>();

/** Thrown by an event handler for a message that can never be handled: it goes to the dead-letter subject. */
export class PermanentEventError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentEventError';
    const store = scope.getStore();
    if (store && !store.permanent) store.permanent = this;
  }
}

/** Runs `fn`; reports whether a `PermanentEventError` was raised inside it. */
export async function runHandlerScope<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; permanent?: PermanentEventError }> {
  const store: HandlingScope = {};
  try {
    const value = await scope.run(store, fn);
    return { value };
  } catch (error) {
    const permanent = error instanceof PermanentEventError ? error : store.permanent;
    return { error, permanent };
  }
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
