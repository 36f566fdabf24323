import { ClockError } from './clock-error.js';
import type { CollectiveExtension, DeadlineInput, Pause, Period, PeriodUnit, StandardExtension } from './deadline.types.js';
import { DEFAULT_TIME_ZONE, localDateOf, type Instant } from './instant.js';
import { maxLocalDate, parseLocalDate, type LocalDate } from './local-date.js';

/** Longest single period or extension accepted (ten years of days). */
export const MAX_PERIOD_LENGTH = 3650;

export interface Portion {
  length: number;
  unit: PeriodUnit;
  /** The extension that added this portion; absent for the base period. */
  extension?: StandardExtension & { approvedDate?: LocalDate };
}

export interface DatePause {
  from: LocalDate;
  to: LocalDate;
  reason: string;
  recordedBy?: string;
  open: boolean;
}

export interface NormalizedDeadlineInput {
  start: LocalDate;
  portions: Portion[];
  collective?: CollectiveExtension & { approvedDate?: LocalDate };
  pauses: DatePause[];
}

const UNITS: readonly PeriodUnit[] = ['working', 'calendar'];

function dateOf(instant: Instant, field: string, timeZone: string): LocalDate {
  try {
    return localDateOf(instant, timeZone);
  } catch (error) {
    if (error instanceof ClockError && error.code !== 'INVALID_TIME_ZONE') {
      throw new ClockError(error.code, `${field} 不是有效日期或时间`, field);
    }
    throw error;
  }
}

function checkLength(length: unknown, field: string): number {
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > MAX_PERIOD_LENGTH) {
    throw new ClockError('INVALID_PERIOD', `${field} 须为 1–${MAX_PERIOD_LENGTH} 的整数`, field);
  }
  return length;
}

function checkUnit(unit: unknown, field: string): PeriodUnit {
  if (!UNITS.includes(unit as PeriodUnit)) {
    throw new ClockError('INVALID_PERIOD', `${field} 须为 working 或 calendar`, field);
  }
  return unit as PeriodUnit;
}

function checkText(value: unknown, field: string, what: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ClockError('INVALID_EXTENSION', `${what}不能为空`, field);
  }
}

function normalizePeriod(period: Period): Portion {
  return { length: checkLength(period?.length, 'period.length'), unit: checkUnit(period?.unit, 'period.unit') };
}

function normalizePause(pause: Pause, i: number, today: LocalDate | undefined, timeZone: string): DatePause {
  const field = `pauses[${i}]`;
  if (typeof pause?.reason !== 'string' || pause.reason.trim() === '') {
    throw new ClockError('INVALID_PAUSE', '中止须有原因', `${field}.reason`);
  }
  const from = dateOf(pause.start, `${field}.start`, timeZone);
  const open = pause.end === undefined || pause.end === null;
  let to: LocalDate;
  if (open) {
    if (today === undefined) {
      throw new ClockError('TODAY_REQUIRED', '存在未结束的中止，须给出当日日期', 'today');
    }
    to = maxLocalDate(from, today);
  } else {
    to = dateOf(pause.end as Instant, `${field}.end`, timeZone);
    if (to < from) throw new ClockError('INVALID_PAUSE', '中止结束日期不能早于开始日期', `${field}.end`);
  }
  return { from, to, reason: pause.reason, ...(pause.recordedBy ? { recordedBy: pause.recordedBy } : {}), open };
}

export function normalizeDeadlineInput(input: DeadlineInput): NormalizedDeadlineInput {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const start = dateOf(input.start, 'start', timeZone);
  const today = input.today === undefined ? undefined : dateOf(input.today, 'today', timeZone);
  const base = normalizePeriod(input.period);
  const portions: Portion[] = [base];
  let collective: NormalizedDeadlineInput['collective'];
  (input.extensions ?? []).forEach((extension, i) => {
    const field = `extensions[${i}]`;
    checkText(extension?.reason, `${field}.reason`, '延期理由');
    checkText(extension?.approvedBy, `${field}.approvedBy`, '批准人');
    const approvedDate =
      extension.approvedAt === undefined ? undefined : dateOf(extension.approvedAt, `${field}.approvedAt`, timeZone);
    if (extension.kind === 'collective') {
      const newDueDate = parseLocalDate(extension.newDueDate, `${field}.newDueDate`);
      if (newDueDate <= start) {
        throw new ClockError('INVALID_EXTENSION', '集体讨论确定的期限须晚于起算日', `${field}.newDueDate`);
      }
      collective = { ...extension, newDueDate, ...(approvedDate ? { approvedDate } : {}) };
      return;
    }
    if (extension.kind !== undefined && extension.kind !== 'standard') {
      throw new ClockError('INVALID_EXTENSION', '延期类型须为 standard 或 collective', `${field}.kind`);
    }
    portions.push({
      length: checkLength(extension.length, `${field}.length`),
      unit: extension.unit === undefined ? base.unit : checkUnit(extension.unit, `${field}.unit`),
      extension: { ...extension, ...(approvedDate ? { approvedDate } : {}) },
    });
  });
  const pauses = (input.pauses ?? [])
    .map((pause, i) => normalizePause(pause, i, today, timeZone))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { start, portions, ...(collective ? { collective } : {}), pauses };
}
