import { describe, expect, it } from '@jest/globals';
import { BeforeCommitHooks } from './before-commit.js';

describe(BeforeCommitHooks.name, () => {
  it('opens one state per key for the whole transaction and flushes it once, after every handler', async () => {
    const sut = new BeforeCommitHooks();
    const flushed: string[][] = [];
    const collect = (event: string) => sut.state('events', () => [] as string[], async (events) => void flushed.push([...events])).push(event);
    collect('e1');
    collect('e2');
    collect('e3');
    expect(flushed).toEqual([]);
    await sut.flush();
    expect(flushed).toEqual([['e1', 'e2', 'e3']]);
  });

  it('flushes each key in the order it was first asked for', async () => {
    const sut = new BeforeCommitHooks();
    const order: string[] = [];
    for (const key of ['facts', 'audit', 'facts', 'audit', 'totals']) sut.state(key, () => key, async (k) => void order.push(k));
    await sut.flush();
    expect(order).toEqual(['facts', 'audit', 'totals']);
  });

  it('keeps the first flush registered for a key', async () => {
    const sut = new BeforeCommitHooks();
    const calls: string[] = [];
    sut.state('k', () => 1, async () => void calls.push('first'));
    sut.state('k', () => 2, async () => void calls.push('second'));
    await sut.flush();
    expect(calls).toEqual(['first']);
  });

  it('stops at the first failing flush and reports its error (the transaction then rolls back)', async () => {
    const sut = new BeforeCommitHooks();
    const ran: string[] = [];
    sut.state('a', () => null, async () => {
      ran.push('a');
      throw new Error('constraint violated');
    });
    sut.state('b', () => null, async () => void ran.push('b'));
    await expect(sut.flush()).rejects.toThrow('constraint violated');
    expect(ran).toEqual(['a']);
  });

  it('flushes nothing when no handler deferred work', async () => {
    await expect(new BeforeCommitHooks().flush()).resolves.toBeUndefined();
  });

  it('refuses work deferred after the flush (it would never be written)', async () => {
    const sut = new BeforeCommitHooks();
    await sut.flush();
    expect(() => sut.state('late', () => [], async () => undefined)).toThrow(/after the transaction's hooks ran/);
  });
});
