import { describe, expect, it } from '@jest/globals';
import { ClockError } from './clock-error.js';
import { addDays, dayOfWeek, daysBetween, eachDate, isLocalDate, parseLocalDate } from './local-date.js';

describe(isLocalDate.name, () => {
  it.each([
    ['2026-10-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-10-00', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-10-01T00:00:00Z', false],
    ['+2026-10-01', false],
    ['', false],
    [20261001, false],
    [null, false],
  ])('%p → %p', (value, expected) => {
    const sut = isLocalDate;
    expect(sut(value)).toBe(expected);
  });
});

describe(parseLocalDate.name, () => {
  it('returns a valid date unchanged', () => {
    expect(parseLocalDate('2026-10-01')).toBe('2026-10-01');
  });

  it('throws INVALID_DATE naming the field', () => {
    const sut = () => parseLocalDate('2026-02-30', 'dueDate');
    expect(sut).toThrow(ClockError);
    expect(sut).toThrow(expect.objectContaining({ code: 'INVALID_DATE', details: [expect.objectContaining({ field: 'dueDate' })] }));
  });
});

describe('local date arithmetic', () => {
  it.each([
    ['2026-07-03', 90, '2026-10-01'],
    ['2026-07-03', 120, '2026-10-31'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
    expect(daysBetween(from, expected)).toBe(days);
  });

  it.each([
    ['2026-09-28', 1],
    ['2026-10-01', 4],
    ['2026-10-10', 6],
    ['2026-09-20', 7],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('lists dates inclusively, empty when reversed', () => {
    expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(eachDate('2026-01-02', '2026-01-01')).toEqual([]);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-05-01', -1, '2026-04-30'],
  ])('single-day step %s %+i → %s agrees with js-joda', (from, step, expected) => {
    const sut = addDays;
    expect(sut(from, step)).toBe(expected);
    expect(eachDate(step > 0 ? from : expected, step > 0 ? expected : from)).toHaveLength(2);
  });
});
