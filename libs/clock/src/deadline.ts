import { ClockError } from './clock-error.js';
import { MAX_PERIOD_LENGTH, normalizeDeadlineInput, type DatePause, type Portion } from './deadline-input.js';
import { summarize } from './deadline-summary.js';
import type {
  AddPeriodResult,
  DayRun,
  DeadlineInput,
  DeadlineResult,
  DeadlineSegment,
  PeriodUnit,
} from './deadline.types.js';
import { addDays, parseLocalDate, type LocalDate } from './local-date.js';
import type { CalendarDay, WorkCalendar } from './work-calendar.js';

/** Any real period ends long before this many days; beyond it the input is broken. */
const MAX_WALK_DAYS = 40_000;

/** Appends day by day, merging a day into the previous segment when it continues it. */
class SegmentLog {
  readonly segments: DeadlineSegment[] = [];
  private lastKey = '';

  add(key: string, date: LocalDate, create: () => DeadlineSegment, extend: (segment: DeadlineSegment) => void): void {
    const last = this.segments.at(-1);
    if (last && key === this.lastKey && 'to' in last && addDays(last.to, 1) === date) {
      last.to = date;
      extend(last);
    } else {
      this.segments.push(create());
    }
    this.lastKey = key;
  }

  push(segment: DeadlineSegment): void {
    this.segments.push(segment);
    this.lastKey = '';
  }
}

function pauseOn(pauses: DatePause[], date: LocalDate): number {
  return pauses.findIndex((p) => p.from <= date && date <= p.to);
}

function skipReason(day: CalendarDay): { reason: 'weekend' | 'holiday'; name?: string } {
  return day.kind === 'holiday' ? { reason: 'holiday', ...(day.name ? { name: day.name } : {}) } : { reason: 'weekend' };
}

/**
 * The due date of a statutory period (domain.md §2): the start day is not counted; working-day
 * portions count the N-th working day strictly after; calendar-day portions count D + N and only
 * the final day of the whole period moves to the next working day; paused dates never count.
 */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const { calendar } = input;
  const { start, portions, collective, pauses } = normalizeDeadlineInput(input);
  const log = new SegmentLog();
  log.push({ kind: 'start', date: start });
  let provisional = false;
  const look = (date: LocalDate): CalendarDay => {
    const day = calendar.day(date);
    provisional ||= day.provisional;
    return day;
  };

  let portionIndex = 0;
  let remaining = portions[0]!.length;
  let runningTotal = 0;
  let date = start;
  for (let steps = 0; ; steps += 1) {
    if (steps > MAX_WALK_DAYS) throw new ClockError('INVALID_PERIOD', '期限无法计算（中止或日历数据异常）', 'period');
    date = addDays(date, 1);
    const portion: Portion = portions[portionIndex]!;
    const day = look(date);
    const counts = portion.unit === 'calendar' || day.working;
    const pauseIndex = pauseOn(pauses, date);
    if (pauseIndex >= 0) {
      const pause = pauses[pauseIndex]!;
      log.add(
        `pause:${pauseIndex}`,
        date,
        () => ({
          kind: 'pause',
          from: date,
          to: date,
          days: 1,
          notCounted: counts ? 1 : 0,
          unit: portion.unit,
          reason: pause.reason,
          ...(pause.recordedBy ? { recordedBy: pause.recordedBy } : {}),
          open: pause.open,
        }),
        (s) => {
          if (s.kind === 'pause') {
            s.days += 1;
            s.notCounted += counts ? 1 : 0;
          }
        },
      );
      continue;
    }
    if (!counts) {
      const skip = skipReason(day);
      log.add(
        `skip:${skip.reason}:${skip.name ?? ''}`,
        date,
        () => ({ kind: 'skipped', from: date, to: date, days: 1, ...skip }),
        (s) => {
          if (s.kind === 'skipped') s.days += 1;
        },
      );
      continue;
    }
    runningTotal += 1;
    remaining -= 1;
    log.add(
      `count:${portionIndex}`,
      date,
      () => ({ kind: 'counted', from: date, to: date, count: 1, unit: portion.unit, runningTotal }),
      (s) => {
        if (s.kind === 'counted') {
          s.count += 1;
          s.runningTotal = runningTotal;
        }
      },
    );
    if (remaining > 0) continue;
    portionIndex += 1;
    const next = portions[portionIndex];
    if (!next) break;
    remaining = next.length;
    const extension = next.extension!;
    log.push({
      kind: 'extension',
      after: date,
      length: next.length,
      unit: next.unit,
      reason: extension.reason,
      approvedBy: extension.approvedBy,
      ...(extension.approvedDate ? { approvedAt: extension.approvedDate } : {}),
    });
  }

  let dueDate = date;
  if (portions.at(-1)!.unit === 'calendar') {
    dueDate = moveToWorkingDay(date, pauses, look, log);
  }
  if (collective) {
    look(collective.newDueDate);
    log.push({
      kind: 'collective_extension',
      replaces: dueDate,
      newDueDate: collective.newDueDate,
      reason: collective.reason,
      approvedBy: collective.approvedBy,
      ...(collective.approvedDate ? { approvedAt: collective.approvedDate } : {}),
    });
    dueDate = collective.newDueDate;
  }

  const ruleUnconfirmed = input.ruleSet?.unconfirmed === true;
  const ruleSet = input.ruleSet
    ? { id: input.ruleSet.id, version: input.ruleSet.version, unconfirmed: ruleUnconfirmed }
    : null;
  const totalLength: Partial<Record<PeriodUnit, number>> = {};
  for (const p of portions) totalLength[p.unit] = (totalLength[p.unit] ?? 0) + p.length;
  const explanation = {
    start,
    period: { length: portions[0]!.length, unit: portions[0]!.unit },
    totalLength,
    segments: log.segments,
    ruleSet,
    ruleUnconfirmed,
    provisional,
    summary: '',
  };
  const paused = pauses.some((p) => p.open);
  explanation.summary = summarize(explanation, dueDate, paused);
  return { dueDate, provisional, paused, ruleUnconfirmed, explanation };
}

/** Calendar-day rule: a final day that is not a working day (or is paused) moves to the next one. */
function moveToWorkingDay(
  last: LocalDate,
  pauses: DatePause[],
  look: (date: LocalDate) => CalendarDay,
  log: SegmentLog,
): LocalDate {
  const lastDay = look(last);
  if (lastDay.working) return last;
  const over: DayRun[] = [];
  let date = last;
  let day = lastDay;
  for (;;) {
    const pauseIndex = pauseOn(pauses, date);
    const run: Omit<DayRun, 'from' | 'to' | 'days'> =
      pauseIndex >= 0 ? { reason: 'pause', name: pauses[pauseIndex]!.reason } : skipReason(day);
    const previous = over.at(-1);
    if (previous && previous.reason === run.reason && previous.name === run.name) {
      previous.to = date;
      previous.days += 1;
    } else {
      over.push({ from: date, to: date, days: 1, ...run });
    }
    date = addDays(date, 1);
    day = look(date);
    if (day.working && pauseOn(pauses, date) < 0) break;
  }
  log.push({ kind: 'final_day_moved', from: last, to: date, over });
  return date;
}

/** `GET /api/v1/calendar/add`: `days` working or calendar days after `from`. */
export function addPeriod(calendar: WorkCalendar, from: LocalDate, days: number, kind: PeriodUnit): AddPeriodResult {
  parseLocalDate(from, 'from');
  if (!Number.isInteger(days) || days < 1 || days > MAX_PERIOD_LENGTH) {
    throw new ClockError('INVALID_PERIOD', `days 须为 1–${MAX_PERIOD_LENGTH} 的整数`, 'days');
  }
  if (kind !== 'working' && kind !== 'calendar') {
    throw new ClockError('INVALID_PERIOD', 'kind 须为 working 或 calendar', 'kind');
  }
  const { dueDate, provisional } = computeDeadline({ start: from, period: { length: days, unit: kind }, calendar });
  return { dueDate, provisional };
}
