import { describe, expect, it } from '@jest/globals';
import { validateYearCalendar, type YearCalendar } from './year-calendar.js';

describe(validateYearCalendar.name, () => {
  const valid: YearCalendar = {
    year: 2027,
    holidays: [{ date: '2027-01-01', name: '元旦' }],
    workdays: [{ date: '2027-01-09', name: '元旦' }, { date: '2027-01-10' }],
  };

  it('accepts a well-formed year', () => {
    expect(validateYearCalendar(valid)).toEqual([]);
  });

  it.each<[string, YearCalendar, { field: string; code: string }[]]>([
    ['year out of range', { ...valid, year: 1800 }, [{ field: 'year', code: 'INVALID_YEAR' }]],
    ['fractional year', { ...valid, year: 2027.5 }, [{ field: 'year', code: 'INVALID_YEAR' }]],
    ['impossible date', { ...valid, holidays: [{ date: '2027-02-29', name: '春节' }] }, [{ field: 'holidays[0].date', code: 'INVALID_DATE' }]],
    ['date in another year', { ...valid, workdays: [{ date: '2026-12-26' }] }, [{ field: 'workdays[0].date', code: 'DATE_OUTSIDE_YEAR' }]],
    ['holiday without name', { ...valid, holidays: [{ date: '2027-01-01', name: '' }] }, [{ field: 'holidays[0].name', code: 'NAME_REQUIRED' }]],
    [
      'same date as holiday and workday',
      { ...valid, workdays: [{ date: '2027-01-01' }] },
      [{ field: 'workdays[0].date', code: 'DUPLICATE_DATE' }],
    ],
    ['workday on a weekday', { ...valid, workdays: [{ date: '2027-01-04' }] }, [{ field: 'workdays[0].date', code: 'WORKDAY_NOT_WEEKEND' }]],
  ])('%s', (_case, input, expected) => {
    const sut = validateYearCalendar(input);
    expect(sut).toEqual(expected.map((p) => expect.objectContaining(p)));
  });
});
