import { describe, expect, it } from '@jest/globals';
import { PermanentEventError, runHandlerScope } from './permanent-event-error.js';

describe(PermanentEventError.name, () => {
  it('is an Error with its own name', () => {
    const sut = new PermanentEventError('cannot handle');
    expect(sut).toBeInstanceOf(Error);
    expect(sut.name).toBe('PermanentEventError');
  });
});

describe(runHandlerScope.name, () => {
  it('returns the value of a handler that succeeds', async () => {
    await expect(runHandlerScope(async () => 3)).resolves.toEqual({ value: 3 });
  });

  it('reports a transient failure as not permanent', async () => {
    const sut = await runHandlerScope(async () => {
      throw new Error('db busy');
    });
    expect(sut.permanent).toBeUndefined();
    expect(sut.error).toBeInstanceOf(Error);
  });

  it('finds the PermanentEventError even when a filter replaced it with a plain object', async () => {
    const sut = await runHandlerScope(async () => {
      try {
        await Promise.resolve();
        throw new PermanentEventError('unknown bureau');
      } catch {
        // What Nest's BaseRpcExceptionFilter hands on instead of the error.
        throw { status: 'error', message: 'Internal server error' };
      }
    });
    expect(sut.permanent?.message).toBe('unknown bureau');
  });
});
