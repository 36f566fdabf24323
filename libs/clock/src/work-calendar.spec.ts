import { describe, expect, it } from '@jest/globals';
import { chineseDaysYear } from './chinese-days-baseline.js';
import { ClockError } from './clock-error.js';
import { WorkCalendar } from './work-calendar.js';
import type { YearCalendar } from './year-calendar.js';

/** A stand-in for the 2027 notice, as an admin would enter it (not the real arrangement). */
const YEAR_2027: YearCalendar = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  workdays: [{ date: '2027-01-09', name: '元旦' }],
};

describe(WorkCalendar.name, () => {
  const sut = WorkCalendar.chineseDays();

  it('knows the chinese-days years up to 2026 and nothing later', () => {
    expect(sut.knownYears()).toEqual(Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i));
    expect(sut.isKnownYear(2026)).toBe(true);
    expect(sut.isKnownYear(2027)).toBe(false);
    expect(sut.yearSource(2026)).toBe('chinese-days');
  });

  it.each([
    ['2026-10-01', { working: false, kind: 'holiday', name: '国庆节', provisional: false }],
    ['2026-10-10', { working: true, kind: 'adjusted_workday', name: '国庆节', provisional: false }],
    ['2026-10-08', { working: true, kind: 'workday', provisional: false }],
    ['2026-10-11', { working: false, kind: 'weekend', provisional: false }],
    ['2027-01-01', { working: true, kind: 'workday', provisional: true }],
    ['2027-01-02', { working: false, kind: 'weekend', provisional: true }],
  ])('describes %s', (date, expected) => {
    expect(sut.day(date)).toEqual({ date, ...expected });
  });

  it('never presents 2027-01-01 as an exact workday (chinese-days would)', () => {
    expect(sut.isWorkingDay('2027-01-01')).toBe(true);
    expect(sut.isProvisional('2027-01-01')).toBe(true);
    expect(sut.nextWorkingDay('2026-12-31')).toMatchObject({ date: '2027-01-01', provisional: true });
  });

  it('names holidays only', () => {
    expect(sut.holidayName('2026-02-17')).toBe('春节');
    expect(sut.holidayName('2026-02-14')).toBeUndefined();
    expect(sut.holidayName('2026-03-02')).toBeUndefined();
  });

  describe('with an admin override', () => {
    const overridden = sut.withOverrides([YEAR_2027]);

    it('makes the year known and exact', () => {
      expect(overridden.isKnownYear(2027)).toBe(true);
      expect(overridden.yearSource(2027)).toBe('override');
      expect(overridden.day('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: false,
        kind: 'holiday',
        name: '元旦',
        provisional: false,
      });
      expect(overridden.nextWorkingDay('2026-12-31')).toMatchObject({ date: '2027-01-04', provisional: false });
    });

    it('leaves the original calendar untouched', () => {
      expect(sut.isKnownYear(2027)).toBe(false);
    });

    it('replaces chinese-days for that year entirely', () => {
      const sparse = sut.withOverrides([{ year: 2026, holidays: [{ date: '2026-10-01', name: '国庆节' }], workdays: [] }]);
      expect(sparse.isWorkingDay('2026-10-01')).toBe(false);
      expect(sparse.isWorkingDay('2026-10-02')).toBe(true);
      expect(sparse.isWorkingDay('2026-10-10')).toBe(false);
      expect(sparse.yearSource(2026)).toBe('override');
    });

    it('can be built from overrides alone', () => {
      const only = WorkCalendar.fromYears([YEAR_2027]);
      expect(only.knownYears()).toEqual([2027]);
      expect(only.isProvisional('2026-10-01')).toBe(true);
    });

    it('round-trips the year as data', () => {
      expect(overridden.yearCalendar(2027)).toEqual(YEAR_2027);
      expect(overridden.yearCalendar(2028)).toBeUndefined();
    });

    it('refuses an invalid override with all its problems', () => {
      const bad: YearCalendar = {
        year: 2027,
        holidays: [{ date: '2026-12-31', name: '元旦' }],
        workdays: [{ date: '2027-01-04' }],
      };
      expect(() => sut.withOverrides([bad])).toThrow(ClockError);
      expect(() => sut.withOverrides([bad])).toThrow(
        expect.objectContaining({
          code: 'INVALID_CALENDAR',
          details: [
            expect.objectContaining({ field: 'holidays[0].date', code: 'DATE_OUTSIDE_YEAR' }),
            expect.objectContaining({ field: 'workdays[0].date', code: 'WORKDAY_NOT_WEEKEND' }),
          ],
        }),
      );
    });
  });

  describe('workingDaysBetween', () => {
    it('lists the National Day week with holiday names', () => {
      const result = sut.workingDaysBetween('2026-09-28', '2026-10-11');
      expect(result.days.map((d) => d.date)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
      expect(result.days.at(-1)).toMatchObject({ kind: 'adjusted_workday', name: '国庆节' });
      expect(result.count).toBe(6);
      expect(result.provisional).toBe(false);
      expect(result.nonWorkingDays.filter((d) => d.kind === 'holiday').map((d) => d.name)).toEqual(Array(7).fill('国庆节'));
      expect(result.nonWorkingDays.at(-1)).toMatchObject({ date: '2026-10-11', kind: 'weekend' });
    });

    it('flags a range reaching into an unknown year', () => {
      const result = sut.workingDaysBetween('2026-12-31', '2027-01-04');
      expect(result.provisional).toBe(true);
      expect(result.days.map((d) => [d.date, d.provisional])).toEqual([
        ['2026-12-31', false],
        ['2027-01-01', true],
        ['2027-01-04', true],
      ]);
    });

    it.each([
      ['2026-10-02', '2026-10-01', 'INVALID_RANGE'],
      ['2026-01-01', '2036-12-31', 'INVALID_RANGE'],
      ['2026-02-30', '2026-03-01', 'INVALID_DATE'],
    ])('rejects %s..%s with %s', (from, to, code) => {
      expect(() => sut.workingDaysBetween(from, to)).toThrow(expect.objectContaining({ code }));
    });
  });

  describe('stepWorkingDays', () => {
    it.each([
      ['2026-09-30', 1, '2026-10-08'],
      ['2026-10-08', -1, '2026-09-30'],
      ['2026-10-23', -3, '2026-10-20'],
      ['2026-02-24', -1, '2026-02-14'],
    ])('%s %+i WD → %s', (from, n, expected) => {
      expect(sut.stepWorkingDays(from, n).date).toBe(expected);
    });

    it('refuses zero', () => {
      expect(() => sut.stepWorkingDays('2026-10-01', 0)).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    });
  });
});

describe(chineseDaysYear.name, () => {
  it('gives a copy of a known year for the admin form', () => {
    const sut = chineseDaysYear(2026);
    expect(sut?.holidays).toHaveLength(33);
    sut?.holidays.pop();
    expect(chineseDaysYear(2026)?.holidays).toHaveLength(33);
  });

  it('gives nothing beyond the verified range', () => {
    expect(chineseDaysYear(2027)).toBeUndefined();
  });
});
