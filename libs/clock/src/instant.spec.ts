import { describe, expect, it } from '@jest/globals';
import { intlLocalDate, isOnTime, isOverdue, localDateOf } from './instant.js';

describe(localDateOf.name, () => {
  it.each([
    ['UTC instant before Shanghai midnight', '2026-09-30T15:59:59Z', '2026-09-30'],
    ['UTC instant after Shanghai midnight', '2026-09-30T16:00:00Z', '2026-10-01'],
    ['explicit +08:00 offset', '2026-10-01T00:30:00+08:00', '2026-10-01'],
    ['another offset', '2026-09-30T12:30:00-05:00', '2026-10-01'],
    ['Date object', new Date(Date.UTC(2026, 8, 30, 16, 30)), '2026-10-01'],
    ['bare local date', '2026-10-01', '2026-10-01'],
    ['offset-less date-time is Shanghai wall-clock time', '2026-09-30T23:30:00', '2026-09-30'],
    ['year boundary', '2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['space separator, compact offset', '2026-09-30 23:30:00+0800', '2026-09-30'],
  ])('%s: %p → %s', (_case, instant, expected) => {
    const sut = localDateOf;
    expect(sut(instant)).toBe(expected);
  });

  it('honours another time zone', () => {
    expect(localDateOf('2026-09-30T16:30:00Z', 'UTC')).toBe('2026-09-30');
  });

  it.each([
    ['not a date'],
    ['2026-02-30T10:00:00'],
    ['2026-02-30T10:00:00Z'],
    ['March 7, 2026 10:00'],
    ['2026-03-07T25:00:00Z'],
    [new Date(Number.NaN)],
  ])('rejects %p', (instant) => {
    expect(() => localDateOf(instant)).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });

  it('rejects an impossible bare date as INVALID_DATE', () => {
    expect(() => localDateOf('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDateOf('2026-09-30T16:30:00Z', 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME_ZONE' }),
    );
  });
});

describe(isOnTime.name, () => {
  it.each([
    ['late evening of the due date, Shanghai', '2026-10-23T23:59:00+08:00', '2026-10-23', true],
    ['the same instant written in UTC', '2026-10-23T15:59:00Z', '2026-10-23', true],
    ['just after Shanghai midnight, still the 23rd in UTC', '2026-10-23T16:01:00Z', '2026-10-23', false],
    ['before the due date', '2026-10-20T08:00:00+08:00', '2026-10-23', true],
    ['a day late', '2026-10-24', '2026-10-23', false],
  ])('%s', (_case, action, dueDate, expected) => {
    expect(isOnTime(action, dueDate)).toBe(expected);
  });
});

describe(isOverdue.name, () => {
  it.each([
    ['2026-10-23', '2026-10-23', false],
    ['2026-10-23', '2026-10-24', true],
  ])('due %s, today %s → %p', (dueDate, today, expected) => {
    expect(isOverdue(dueDate, today)).toBe(expected);
  });
});

describe('Asia/Shanghai fixed-offset fast path', () => {
  it('agrees with ICU for instants from 1992 to 2040, around local midnight included', () => {
    let seed = 20261127;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1992, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(from + next() * (to - from));
      expect(localDateOf(new Date(t))).toBe(intlLocalDate(t, 'Asia/Shanghai'));
    }
    // 15:59:59.999Z is still the same Shanghai day; 16:00Z is the next.
    expect(localDateOf('2026-09-30T15:59:59.999Z')).toBe('2026-09-30');
    expect(localDateOf('2026-09-30T16:00:00.000Z')).toBe('2026-10-01');
  });
});
