import { createRequire } from 'node:module';
import { yearOf, type LocalDate } from './local-date.js';
import type { YearCalendar } from './year-calendar.js';

/**
 * Last year of chinese-days data checked against the State Council notice (2026: identical to
 * domain.md §2). Later years in a package upgrade stay unknown (provisional) until someone checks
 * them and raises this, so an `npm update` never silently moves a due date.
 */
export const CHINESE_DAYS_LAST_VERIFIED_YEAR = 2026;

type DayMap = Record<LocalDate, string>;

/**
 * Read with require rather than `import … with { type: 'json' }`: the jest transform (swc) drops
 * import attributes and jest warns that this will become an error.
 */
const chineseDays = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: DayMap;
  workdays: DayMap;
};

/** chinese-days stores "English name,中文名,days"; we keep the Chinese name. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

function buildBaseline(): Map<number, YearCalendar> {
  const years = new Map<number, YearCalendar>();
  const yearCalendar = (date: LocalDate): YearCalendar | undefined => {
    const year = yearOf(date);
    if (year > CHINESE_DAYS_LAST_VERIFIED_YEAR) return undefined;
    let calendar = years.get(year);
    if (!calendar) {
      calendar = { year, holidays: [], workdays: [] };
      years.set(year, calendar);
    }
    return calendar;
  };
  for (const [date, entry] of Object.entries(chineseDays.holidays).sort()) {
    yearCalendar(date)?.holidays.push({ date, name: chineseName(entry) });
  }
  for (const [date, entry] of Object.entries(chineseDays.workdays).sort()) {
    yearCalendar(date)?.workdays.push({ date, name: chineseName(entry) });
  }
  return years;
}

let baseline: Map<number, YearCalendar> | undefined;

/** The years chinese-days knows (up to the verified year), each as a `YearCalendar`. */
export function chineseDaysYears(): YearCalendar[] {
  baseline ??= buildBaseline();
  return [...baseline.values()].sort((a, b) => a.year - b.year).map((calendar) => structuredClone(calendar));
}

/** One year of chinese-days data (e.g. to prefill the admin form), or undefined when unknown. */
export function chineseDaysYear(year: number): YearCalendar | undefined {
  baseline ??= buildBaseline();
  const calendar = baseline.get(year);
  return calendar && structuredClone(calendar);
}
