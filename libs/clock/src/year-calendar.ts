import type { ClockProblem } from './clock-error.js';
import { isLocalDate, isWeekend, yearOf, type LocalDate } from './local-date.js';

/** A public holiday (法定节假日放假) of one year, with its name, e.g. 国庆节. */
export interface CalendarHoliday {
  date: LocalDate;
  name: string;
}

/** An adjusted working weekend day (调休上班), optionally naming the holiday it makes up for. */
export interface CalendarWorkday {
  date: LocalDate;
  name?: string;
}

/**
 * One year's State Council arrangement. Every date lies inside `year`; a make-up day in the
 * previous December belongs to that previous year's calendar.
 */
export interface YearCalendar {
  year: number;
  holidays: CalendarHoliday[];
  workdays: CalendarWorkday[];
}

export const MIN_CALENDAR_YEAR = 1949;
export const MAX_CALENDAR_YEAR = 2200;

/** Problems of an admin-entered year calendar (empty = valid), zh-CN messages for the API. */
export function validateYearCalendar(calendar: YearCalendar): ClockProblem[] {
  const problems: ClockProblem[] = [];
  const problem = (field: string, code: string, message: string) => problems.push({ field, code, message });
  const { year } = calendar;
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    problem('year', 'INVALID_YEAR', `年份须为 ${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR} 之间的整数`);
    return problems;
  }
  const seen = new Map<LocalDate, string>();
  const check = (field: string, date: unknown): date is LocalDate => {
    if (!isLocalDate(date)) {
      problem(field, 'INVALID_DATE', `${field} 不是有效日期（应为 YYYY-MM-DD）`);
      return false;
    }
    if (yearOf(date) !== year) {
      problem(field, 'DATE_OUTSIDE_YEAR', `${date} 不在 ${year} 年内，请在 ${yearOf(date)} 年的日历中录入`);
      return false;
    }
    if (seen.has(date)) {
      problem(field, 'DUPLICATE_DATE', `${date} 已在 ${seen.get(date)} 中出现`);
      return false;
    }
    seen.set(date, field);
    return true;
  };
  (calendar.holidays ?? []).forEach((holiday, i) => {
    const field = `holidays[${i}]`;
    check(`${field}.date`, holiday?.date);
    if (typeof holiday?.name !== 'string' || holiday.name.trim() === '') {
      problem(`${field}.name`, 'NAME_REQUIRED', '节假日须有名称');
    }
  });
  (calendar.workdays ?? []).forEach((workday, i) => {
    const field = `workdays[${i}]`;
    if (check(`${field}.date`, workday?.date) && !isWeekend(workday.date)) {
      problem(`${field}.date`, 'WORKDAY_NOT_WEEKEND', `${workday.date} 不是周末，无须列为调休上班日`);
    }
  });
  return problems;
}
