import { LocalDate as JodaDate } from '@js-joda/core';

/**
 * `date` plus whole months, clamped to the month's last day (2026-08-31 + 6 months = 2027-02-28).
 * Publication periods are stated in months and years, which libs/clock does not count.
 */
export function addMonths(date: string, months: number): string {
  return JodaDate.parse(date).plusMonths(months).toString();
}
