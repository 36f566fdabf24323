import { ClockError } from './clock-error.js';
import { isLocalDate, parseLocalDate, type LocalDate } from './local-date.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A point in time: a `Date` (e.g. from a timestamptz column) or an ISO-8601 string. */
export type Instant = Date | string;

const OFFSET_LESS_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const ZONED_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        numberingSystem: 'latn',
      });
    } catch {
      throw new ClockError('INVALID_TIME_ZONE', `未知时区 ${timeZone}`, 'timeZone');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date of an instant in `timeZone`. A bare `YYYY-MM-DD` is already a local date and is
 * returned as is; an ISO date-time without offset is read as wall-clock time in `timeZone` (never
 * in the server's own zone).
 */
export function localDateOf(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): LocalDate {
  let epochMs: number;
  if (typeof instant === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return parseLocalDate(instant, 'instant');
    const wallClock = OFFSET_LESS_DATE_TIME.exec(instant);
    if (wallClock) {
      formatterFor(timeZone);
      if (isLocalDate(wallClock[1])) return wallClock[1];
      throw new ClockError('INVALID_INSTANT', `无效时间 ${instant}`, 'instant');
    }
    // Only ISO 8601 with an offset: Date.parse would accept 2026-02-30 or read "Mar 7" in server time.
    const zoned = ZONED_DATE_TIME.exec(instant);
    epochMs = zoned && isLocalDate(zoned[1]) ? Date.parse(instant.replace(' ', 'T')) : Number.NaN;
  } else {
    epochMs = instant instanceof Date ? instant.getTime() : Number.NaN;
  }
  if (Number.isNaN(epochMs)) {
    throw new ClockError('INVALID_INSTANT', `无效时间 ${String(instant)}`, 'instant');
  }
  if (timeZone === DEFAULT_TIME_ZONE && epochMs >= SHANGHAI_FIXED_OFFSET_SINCE) {
    return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  }
  return intlLocalDate(epochMs, timeZone);
}

/**
 * China has kept UTC+8 without daylight saving since the 1991 summer time ended, so from 1992
 * on the local date is plain arithmetic; Intl (ICU) stays the source for other zones and earlier
 * years. The fast path matters: imports convert hundreds of thousands of instants.
 */
const SHANGHAI_FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The local date of an epoch instant by ICU's time-zone data. */
export function intlLocalDate(epochMs: number, timeZone: string): LocalDate {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** On time when the action's local date is on or before the due date (§2). */
export function isOnTime(actionInstant: Instant, dueDate: LocalDate, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  return localDateOf(actionInstant, timeZone) <= parseLocalDate(dueDate, 'dueDate');
}

/** An open item is overdue once `today` is past its due date. */
export function isOverdue(dueDate: LocalDate, today: LocalDate): boolean {
  return parseLocalDate(today, 'today') > parseLocalDate(dueDate, 'dueDate');
}
