import { describe, expect, it } from '@jest/globals';
import { chineseDaysYear } from './chinese-days-baseline.js';
import { addPeriod } from './deadline.js';
import { addDays } from './local-date.js';
import { WorkCalendar } from './work-calendar.js';

/** domain.md §2, the 2026 State Council arrangement, with the first working day after each date. */
const HOLIDAYS_2026: [date: string, name: string, nextWorkingDay: string][] = [
  ['2026-01-01', '元旦', '2026-01-04'],
  ['2026-01-02', '元旦', '2026-01-04'],
  ['2026-01-03', '元旦', '2026-01-04'],
  ['2026-02-15', '春节', '2026-02-24'],
  ['2026-02-16', '春节', '2026-02-24'],
  ['2026-02-17', '春节', '2026-02-24'],
  ['2026-02-18', '春节', '2026-02-24'],
  ['2026-02-19', '春节', '2026-02-24'],
  ['2026-02-20', '春节', '2026-02-24'],
  ['2026-02-21', '春节', '2026-02-24'],
  ['2026-02-22', '春节', '2026-02-24'],
  ['2026-02-23', '春节', '2026-02-24'],
  ['2026-04-04', '清明', '2026-04-07'],
  ['2026-04-05', '清明', '2026-04-07'],
  ['2026-04-06', '清明', '2026-04-07'],
  ['2026-05-01', '劳动节', '2026-05-06'],
  ['2026-05-02', '劳动节', '2026-05-06'],
  ['2026-05-03', '劳动节', '2026-05-06'],
  ['2026-05-04', '劳动节', '2026-05-06'],
  ['2026-05-05', '劳动节', '2026-05-06'],
  ['2026-06-19', '端午', '2026-06-22'],
  ['2026-06-20', '端午', '2026-06-22'],
  ['2026-06-21', '端午', '2026-06-22'],
  ['2026-09-25', '中秋', '2026-09-28'],
  ['2026-09-26', '中秋', '2026-09-28'],
  ['2026-09-27', '中秋', '2026-09-28'],
  ['2026-10-01', '国庆节', '2026-10-08'],
  ['2026-10-02', '国庆节', '2026-10-08'],
  ['2026-10-03', '国庆节', '2026-10-08'],
  ['2026-10-04', '国庆节', '2026-10-08'],
  ['2026-10-05', '国庆节', '2026-10-08'],
  ['2026-10-06', '国庆节', '2026-10-08'],
  ['2026-10-07', '国庆节', '2026-10-08'],
];

/** Adjusted working weekend days (调休上班), with the first working day after each. */
const WORKDAYS_2026: [date: string, nextWorkingDay: string][] = [
  ['2026-01-04', '2026-01-05'],
  ['2026-02-14', '2026-02-24'],
  ['2026-02-28', '2026-03-02'],
  ['2026-05-09', '2026-05-11'],
  ['2026-09-20', '2026-09-21'],
  ['2026-10-10', '2026-10-12'],
];

describe(`${WorkCalendar.name} 2026`, () => {
  const sut = WorkCalendar.chineseDays();

  it('uses chinese-days data identical to the spec list (else the spec list must ship as an override)', () => {
    const year = chineseDaysYear(2026);
    expect(year?.holidays.map((h) => [h.date, h.name])).toEqual(HOLIDAYS_2026.map(([date, name]) => [date, name]));
    expect(year?.workdays.map((w) => w.date)).toEqual(WORKDAYS_2026.map(([date]) => date));
  });

  describe.each(HOLIDAYS_2026)('holiday %s %s', (date, name, nextWorkingDay) => {
    it('is not a working day', () => {
      expect(sut.isWorkingDay(date)).toBe(false);
      expect(sut.holidayName(date)).toBe(name);
    });

    it(`1 WD after the day before, and after it, is ${nextWorkingDay}`, () => {
      expect(addPeriod(sut, addDays(date, -1), 1, 'working')).toEqual({ dueDate: nextWorkingDay, provisional: false });
      expect(addPeriod(sut, date, 1, 'working')).toEqual({ dueDate: nextWorkingDay, provisional: false });
    });
  });

  describe.each(WORKDAYS_2026)('adjusted workday %s', (date, nextWorkingDay) => {
    it('is a working day on a weekend', () => {
      expect(sut.isWorkingDay(date)).toBe(true);
      expect(sut.day(date).kind).toBe('adjusted_workday');
    });

    it(`is 1 WD after the day before; 1 WD after it is ${nextWorkingDay}`, () => {
      expect(addPeriod(sut, addDays(date, -1), 1, 'working')).toEqual({ dueDate: date, provisional: false });
      expect(addPeriod(sut, date, 1, 'working')).toEqual({ dueDate: nextWorkingDay, provisional: false });
    });
  });

  // 261 weekdays (2026 starts on a Thursday) − 19 holidays on weekdays + 6 adjusted workdays.
  it('has 248 working days in 2026', () => {
    const days = sut.days('2026-01-01', '2026-12-31');
    const count = (kind: string) => days.filter((d) => d.kind === kind).length;
    expect(count('holiday')).toBe(33);
    expect(count('adjusted_workday')).toBe(6);
    expect(days.filter((d) => d.working)).toHaveLength(248);
  });
});
