import { addDays, daysBetween, isLocalDate, type LocalDate } from '#libs/clock';
import { ValidationError } from '../shared/domain-error.js';
import type { DateRange } from './indicator-fact.js';

export interface PeriodQuery {
  from?: string;
  to?: string;
  /** `month` | `quarter` | `year` (the one containing today), or `2026`, `2026-03`, `2026-Q2`. */
  period?: string;
}

export interface ResolvedPeriod extends DateRange {
  label: string;
}

/** Ten years: longer ranges are a typo, not a question a supervisor asks. */
const MAX_RANGE_DAYS = 3660;

function monthEnd(year: number, month: number): LocalDate {
  return addDays(`${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function quarter(year: number, q: number): ResolvedPeriod {
  return { from: `${year}-${pad(q * 3 - 2)}-01`, to: monthEnd(year, q * 3), label: `${year}-Q${q}` };
}

function named(period: string, today: LocalDate): ResolvedPeriod | undefined {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (period === 'year') return { from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) };
  if (period === 'quarter') return quarter(year, Math.ceil(month / 3));
  if (period === 'month') return { from: `${year}-${pad(month)}-01`, to: monthEnd(year, month), label: `${year}-${pad(month)}` };
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: m[1] };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { from: `${m[1]}-${m[2]}-01`, to: monthEnd(Number(m[1]), Number(m[2])), label: period };
  return undefined;
}

/** The date range a figure covers; defaults to the current year. Invalid input is a 400. */
export function resolvePeriod(query: PeriodQuery, today: LocalDate): ResolvedPeriod {
  if (query.from !== undefined || query.to !== undefined) {
    if (!isLocalDate(query.from)) throw ValidationError.field('from', 'isLocalDate', '起始日期应为 YYYY-MM-DD');
    if (!isLocalDate(query.to)) throw ValidationError.field('to', 'isLocalDate', '截止日期应为 YYYY-MM-DD');
    if (query.to < query.from) throw ValidationError.field('to', 'notBeforeFrom', '截止日期不能早于起始日期');
    if (daysBetween(query.from, query.to) > MAX_RANGE_DAYS) throw ValidationError.field('to', 'rangeTooLong', '统计区间不能超过十年');
    return { from: query.from, to: query.to, label: `${query.from}~${query.to}` };
  }
  const resolved = named(query.period ?? 'year', today);
  if (!resolved) throw ValidationError.field('period', 'isPeriod', '统计周期应为 month、quarter、year 或 2026、2026-03、2026-Q2');
  return resolved;
}
