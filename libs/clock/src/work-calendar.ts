import { chineseDaysYears } from './chinese-days-baseline.js';
import { ClockError } from './clock-error.js';
import { addDays, daysBetween, eachDate, isWeekend, parseLocalDate, yearOf, type LocalDate } from './local-date.js';
import { validateYearCalendar, type YearCalendar } from './year-calendar.js';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

/** Where a known year's data came from. */
export type CalendarSource = 'chinese-days' | 'override';

export interface CalendarDay {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  /** The holiday's name (国庆节); for an adjusted workday, the holiday it makes up for. */
  name?: string;
  /** The year is not known: weekends-only guess, never to be shown as exact. */
  provisional: boolean;
}

export interface WorkingDaysBetween {
  from: LocalDate;
  to: LocalDate;
  count: number;
  /** The working days, adjusted workdays (调休上班) with the holiday's name. */
  days: CalendarDay[];
  /** Weekends and holidays in the range, holidays with their names. */
  nonWorkingDays: CalendarDay[];
  provisional: boolean;
}

interface KnownYear {
  source: CalendarSource;
  holidays: Map<LocalDate, string>;
  workdays: Map<LocalDate, string | undefined>;
}

/** Longest range a single listing may cover (ten years), so a request cannot loop for ever. */
export const MAX_RANGE_DAYS = 3660;

/**
 * Working day = Monday–Friday, minus State Council holidays, plus adjusted working weekend days
 * (domain.md §2). Immutable; build it once per calendar version and share it.
 */
export class WorkCalendar {
  private static chineseDaysBaseline?: WorkCalendar;

  /** Calendar is immutable, so each date's answer is computed once. */
  private readonly dayCache = new Map<LocalDate, CalendarDay>();

  private constructor(private readonly years: ReadonlyMap<number, KnownYear>) {}

  /** chinese-days data (verified years only), with admin overrides replacing whole years. */
  static chineseDays(overrides: YearCalendar[] = []): WorkCalendar {
    WorkCalendar.chineseDaysBaseline ??= WorkCalendar.build(new Map(), chineseDaysYears(), 'chinese-days');
    return overrides.length === 0 ? WorkCalendar.chineseDaysBaseline : WorkCalendar.chineseDaysBaseline.withOverrides(overrides);
  }

  /** Only the given years are known; everything else is weekends-only and provisional. */
  static fromYears(years: YearCalendar[]): WorkCalendar {
    return WorkCalendar.build(new Map(), years, 'override');
  }

  /** A new calendar in which each override replaces that year entirely and makes it known. */
  withOverrides(overrides: YearCalendar[]): WorkCalendar {
    return WorkCalendar.build(new Map(this.years), overrides, 'override');
  }

  private static build(years: Map<number, KnownYear>, calendars: YearCalendar[], source: CalendarSource): WorkCalendar {
    for (const calendar of calendars) {
      const problems = validateYearCalendar(calendar);
      if (problems.length > 0) {
        throw new ClockError('INVALID_CALENDAR', `${calendar.year} 年日历有误：${problems[0]?.message}`, undefined, problems);
      }
      years.set(calendar.year, {
        source,
        holidays: new Map(calendar.holidays.map((h) => [h.date, h.name.trim()])),
        workdays: new Map(calendar.workdays.map((w) => [w.date, w.name?.trim() || undefined])),
      });
    }
    return new WorkCalendar(years);
  }

  knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  isKnownYear(year: number): boolean {
    return this.years.has(year);
  }

  yearSource(year: number): CalendarSource | undefined {
    return this.years.get(year)?.source;
  }

  /** The year back as data (e.g. for the admin form), or undefined when not known. */
  yearCalendar(year: number): YearCalendar | undefined {
    const known = this.years.get(year);
    if (!known) return undefined;
    return {
      year,
      holidays: [...known.holidays].map(([date, name]) => ({ date, name })).sort(byDate),
      workdays: [...known.workdays].map(([date, name]) => (name ? { date, name } : { date })).sort(byDate),
    };
  }

  day(date: LocalDate): CalendarDay {
    let day = this.dayCache.get(date);
    if (!day) {
      day = Object.freeze(this.describe(parseLocalDate(date)));
      this.dayCache.set(date, day);
    }
    return day;
  }

  private describe(date: LocalDate): CalendarDay {
    const known = this.years.get(yearOf(date));
    const weekend = isWeekend(date);
    if (!known) {
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: true };
    }
    const holiday = known.holidays.get(date);
    if (holiday !== undefined) return { date, working: false, kind: 'holiday', name: holiday, provisional: false };
    if (known.workdays.has(date)) {
      const name = known.workdays.get(date);
      return { date, working: true, kind: 'adjusted_workday', ...(name ? { name } : {}), provisional: false };
    }
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: false };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.day(date).working;
  }

  /** True when the date's year is unknown, so `isWorkingDay` is only a weekends-only guess. */
  isProvisional(date: LocalDate): boolean {
    return this.day(date).provisional;
  }

  /** The holiday's name when the date is a public holiday, else undefined. */
  holidayName(date: LocalDate): string | undefined {
    const day = this.day(date);
    return day.kind === 'holiday' ? day.name : undefined;
  }

  /** Every date from `from` to `to`, both included. */
  days(from: LocalDate, to: LocalDate): CalendarDay[] {
    parseLocalDate(from, 'from');
    parseLocalDate(to, 'to');
    const span = daysBetween(from, to);
    if (span < 0) throw new ClockError('INVALID_RANGE', '结束日期不能早于开始日期', 'to');
    if (span >= MAX_RANGE_DAYS) throw new ClockError('INVALID_RANGE', `日期范围不能超过 ${MAX_RANGE_DAYS} 天`, 'to');
    return eachDate(from, to).map((date) => this.day(date));
  }

  /** `GET /api/v1/calendar/working-days`: the working days from `from` to `to`, both included. */
  workingDaysBetween(from: LocalDate, to: LocalDate): WorkingDaysBetween {
    const all = this.days(from, to);
    const days = all.filter((d) => d.working);
    return {
      from,
      to,
      count: days.length,
      days,
      nonWorkingDays: all.filter((d) => !d.working),
      provisional: all.some((d) => d.provisional),
    };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): CalendarDay {
    return this.stepWorkingDays(date, 1);
  }

  /** The first working day strictly before `date` (e.g. a reminder "N working days before"). */
  previousWorkingDay(date: LocalDate): CalendarDay {
    return this.stepWorkingDays(date, -1);
  }

  /** The |n|-th working day strictly after (n > 0) or before (n < 0) `date`; provisional if any step was. */
  stepWorkingDays(date: LocalDate, n: number): CalendarDay {
    parseLocalDate(date);
    if (!Number.isInteger(n) || n === 0 || Math.abs(n) > MAX_RANGE_DAYS) {
      throw new ClockError('INVALID_PERIOD', '工作日数须为非零整数', 'days');
    }
    const direction = Math.sign(n);
    let remaining = Math.abs(n);
    let provisional = false;
    let current = this.day(date);
    while (remaining > 0) {
      current = this.day(addDays(current.date, direction));
      provisional ||= current.provisional;
      if (current.working) remaining -= 1;
    }
    return { ...current, provisional };
  }
}

function byDate(a: { date: LocalDate }, b: { date: LocalDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
