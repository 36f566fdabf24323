import { ChronoUnit, LocalDate as JodaDate } from '@js-joda/core';
import { ClockError } from './clock-error.js';

/** A statutory date: a calendar day in Asia/Shanghai, always `YYYY-MM-DD` at the API surface. */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function toJoda(date: LocalDate): JodaDate {
  return JodaDate.parse(date);
}

/** True for a real calendar date written exactly as `YYYY-MM-DD` (2026-02-30 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !LOCAL_DATE_PATTERN.test(value)) return false;
  // Plain arithmetic, not a parser: imports check hundreds of thousands of dates.
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month);
}

/** Returns the date unchanged, or throws `ClockError('INVALID_DATE')` naming the field. */
export function parseLocalDate(value: unknown, field = 'date'): LocalDate {
  if (!isLocalDate(value)) {
    throw new ClockError('INVALID_DATE', `${field} 不是有效日期（应为 YYYY-MM-DD）`, field);
  }
  return value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (days === 1 || days === -1) return stepDay(date, days);
  return toJoda(date).plusDays(days).toString();
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** ±1 day on the string itself: deadline walks take this step hundreds of times per record. */
function stepDay(date: LocalDate, step: 1 | -1): LocalDate {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  let day = Number(date.slice(8, 10)) + step;
  if (day > daysInMonth(year, month)) {
    day = 1;
    month += 1;
  } else if (day < 1) {
    month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
    day = daysInMonth(year, month);
  }
  if (month > 12) {
    month = 1;
    year += 1;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toJoda(from).until(toJoda(to), ChronoUnit.DAYS);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: LocalDate): number {
  return toJoda(date).dayOfWeek().value();
}

export function isWeekend(date: LocalDate): boolean {
  return dayOfWeek(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** `YYYY-MM-DD` strings order lexicographically, so this is a plain comparison. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDate(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = toJoda(from), end = toJoda(to); !d.isAfter(end); d = d.plusDays(1)) {
    dates.push(d.toString());
  }
  return dates;
}
