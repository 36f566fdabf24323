import { addDays, type LocalDate } from '#libs/clock';
import type { CountedStatus, DateRange, FactStatus, IndicatorFact } from './indicator-fact.js';

type Rolled = Pick<IndicatorFact, 'measure' | 'periodDate' | 'altPeriodDate' | 'dueDate' | 'doneDate' | 'favourable'>;

/**
 * What the fact alone decides; `open` waits for `today` (it turns missing after its due date);
 * `not_counted` (open with no due date) never counts but still shows its group in a breakdown.
 */
export type RollupStatus = CountedStatus | 'open' | 'not_counted';

/**
 * One count the indicator rollup keeps for a fact (the figures sum these, not the facts).
 * `placeDate` puts it in a period. `exceptIn` is set on the entry of a fact's second placing date
 * (17.1 "or decided in it"): that entry counts only when the first date is outside the period, so
 * a fact placed by both dates counts once. `openDue` is the due date of an open item.
 */
export interface RollupEntry {
  placeDate: LocalDate;
  exceptIn: LocalDate | null;
  status: RollupStatus;
  openDue: LocalDate | null;
}

/** The part of `classifyFact` that does not depend on the period or `today`. */
function staticStatus(fact: Rolled): RollupStatus {
  if (fact.measure === 'outcome' || fact.measure === 'count') return fact.favourable ? 'on_time' : 'missing';
  if (fact.doneDate !== null) {
    return fact.measure === 'completion' || fact.dueDate === null || fact.doneDate <= fact.dueDate ? 'on_time' : 'late';
  }
  return fact.dueDate !== null ? 'open' : 'not_counted';
}

/** The rollup entries of one fact (the SQL twin is `rollupEntriesSql` in apps/metrics). */
export function rollupEntries(fact: Rolled): RollupEntry[] {
  const status = staticStatus(fact);
  const openDue = status === 'open' ? fact.dueDate : null;
  const entries: RollupEntry[] = [{ placeDate: fact.periodDate, exceptIn: null, status, openDue }];
  if (fact.altPeriodDate !== null && fact.altPeriodDate !== fact.periodDate) {
    entries.push({ placeDate: fact.altPeriodDate, exceptIn: fact.periodDate, status, openDue });
  }
  return entries;
}

const within = (date: LocalDate, range: DateRange) => date >= range.from && date <= range.to;

/** How an entry counts for a period seen on `today`; summed over a fact's entries it is `classifyFact`. */
export function entryStatus(entry: RollupEntry, period: DateRange, today: LocalDate): FactStatus {
  if (!within(entry.placeDate, period) || (entry.exceptIn !== null && within(entry.exceptIn, period))) return 'not_counted';
  if (entry.status !== 'open') return entry.status;
  return entry.openDue !== null && today > entry.openDue ? 'missing' : 'not_counted';
}

export function monthOf(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * An entry as the monthly grain keeps it, or null when that grain never needs it. The monthly
 * grain only serves whole months inside the period, so (1) an entry excepted by a date of its own
 * month can never count there and is left out, and (2) an open item's due date is kept as its
 * month: once that month is over the item is missing whatever the day; within the current month
 * the daily grain tells (see `monthlyEntryStatus`). Both keep the monthly rollup a few rows per
 * indicator and month, whatever the history.
 */
export function toMonthlyGrain(entry: RollupEntry): RollupEntry | null {
  if (entry.exceptIn !== null && monthOf(entry.exceptIn) === monthOf(entry.placeDate)) return null;
  return { ...entry, placeDate: monthOf(entry.placeDate), openDue: entry.openDue === null ? null : monthOf(entry.openDue) };
}

export function yearOf(date: LocalDate): LocalDate {
  return `${date.slice(0, 4)}-01-01`;
}

/**
 * A monthly-grain entry as the yearly grain keeps it, or null when that grain never needs it: as
 * the monthly grain one level up, an entry excepted by a date of its own year can never count in
 * a whole year inside the period. The open item's due month stays (`monthlyEntryStatus` applies),
 * so a year is a few rows per indicator, bureau and channel.
 */
export function toYearlyGrain(monthly: RollupEntry): RollupEntry | null {
  if (monthly.exceptIn !== null && yearOf(monthly.exceptIn) === yearOf(monthly.placeDate)) return null;
  return { ...monthly, placeDate: yearOf(monthly.placeDate) };
}

/**
 * How a monthly-grain (or yearly-grain) entry counts for a whole month (or year) inside `period`; `daily` = an open item due in
 * `today`'s month or later, counted from its daily entry instead (missing once its day has passed).
 */
export function monthlyEntryStatus(entry: RollupEntry, period: DateRange, today: LocalDate): FactStatus | 'daily' {
  if (entry.exceptIn !== null && within(entry.exceptIn, period)) return 'not_counted';
  if (entry.status !== 'open') return entry.status;
  return entry.openDue !== null && entry.openDue < monthOf(today) ? 'missing' : 'daily';
}

export interface PeriodGrains {
  /** First days of the whole months inside the period (from the monthly rollup), or null. */
  months: DateRange | null;
  /** The days outside those months (from the daily rollup): at most a head and a tail. */
  days: DateRange[];
}

/** Splits a period so a year reads twelve monthly rows per key instead of 365 daily ones. */
export function splitByMonths(period: DateRange): PeriodGrains {
  // A month has at most 31 days, so the 1st plus 31 days lands in the next month.
  const firstWhole = period.from.endsWith('-01') ? period.from : monthOf(addDays(monthOf(period.from), 31));
  const afterEnd = addDays(period.to, 1);
  const endExclusive = afterEnd.endsWith('-01') ? afterEnd : monthOf(period.to);
  if (firstWhole >= endExclusive) return { months: null, days: [period] };
  const days: DateRange[] = [];
  if (period.from < firstWhole) days.push({ from: period.from, to: addDays(firstWhole, -1) });
  if (endExclusive <= period.to) days.push({ from: endExclusive, to: period.to });
  return { months: { from: firstWhole, to: monthOf(addDays(endExclusive, -1)) }, days };
}

export interface MonthGrains {
  /** First days of the whole years inside the months (from the yearly rollup), or null. */
  years: DateRange | null;
  /** The months outside those years (first days, from the monthly rollup): at most a head and a tail. */
  months: DateRange[];
}

/** Splits whole months (first days, as `splitByMonths` gives them) so a year reads one yearly row per key. */
export function splitByYears(months: DateRange): MonthGrains {
  const year = (date: LocalDate) => Number(date.slice(0, 4));
  const firstWhole = months.from.endsWith('-01-01') ? months.from : `${year(months.from) + 1}-01-01`;
  const endExclusive = months.to.slice(5, 7) === '12' ? `${year(months.to) + 1}-01-01` : yearOf(months.to);
  if (firstWhole >= endExclusive) return { years: null, months: [months] };
  const rest: DateRange[] = [];
  if (months.from < firstWhole) rest.push({ from: months.from, to: `${year(firstWhole) - 1}-12-01` });
  if (endExclusive <= months.to) rest.push({ from: endExclusive, to: months.to });
  return { years: { from: firstWhole, to: `${year(endExclusive) - 1}-01-01` }, months: rest };
}
