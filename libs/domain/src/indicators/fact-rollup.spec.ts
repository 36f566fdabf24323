import { describe, expect, it } from '@jest/globals';
import { addDays } from '#libs/clock';
import {
  classifyFact,
  entryStatus,
  monthlyEntryStatus,
  rollupEntries,
  splitByMonths,
  splitByYears,
  toMonthlyGrain,
  toYearlyGrain,
  type DateRange,
  type FactStatus,
  type IndicatorFact,
  type IndicatorMeasure,
} from '#libs/domain';

type Row = Pick<IndicatorFact, 'measure' | 'periodDate' | 'altPeriodDate' | 'dueDate' | 'doneDate' | 'favourable'>;
const march = { from: '2026-03-01', to: '2026-03-31' };
const timely = (f: Partial<Row>): Row => ({ measure: 'timeliness', periodDate: '2026-03-20', altPeriodDate: null, dueDate: '2026-03-20', doneDate: null, favourable: null, ...f });

/** Counts a fact the way the rollup does: through its entries. */
function viaEntries(fact: Row, period: DateRange, today: string): FactStatus {
  const counted = rollupEntries(fact)
    .map((e) => entryStatus(e, period, today))
    .filter((s) => s !== 'not_counted');
  expect(counted.length).toBeLessThanOrEqual(1);
  return counted[0] ?? 'not_counted';
}

const inRange = (date: string, r: DateRange) => date >= r.from && date <= r.to;

/**
 * Counts a fact as the figures query does: daily entries for the head and tail, monthly ones for
 * whole months, yearly ones for whole years.
 */
function viaGrains(fact: Row, period: DateRange, today: string): FactStatus {
  const grains = splitByMonths(period);
  const { years, months } = grains.months ? splitByYears(grains.months) : { years: null, months: [] };
  const counted: FactStatus[] = [];
  for (const e of rollupEntries(fact)) {
    for (const days of grains.days) if (inRange(e.placeDate, days)) counted.push(entryStatus(e, period, today));
    const monthly = toMonthlyGrain(e);
    const yearly = monthly && toYearlyGrain(monthly);
    const coarse = [monthly && months.some((m) => inRange(monthly.placeDate, m)) ? monthly : null, yearly && years && inRange(yearly.placeDate, years) ? yearly : null];
    for (const entry of coarse) {
      if (!entry) continue;
      const status = monthlyEntryStatus(entry, period, today);
      counted.push(status === 'daily' ? entryStatus(e, period, today) : status);
    }
  }
  const real = counted.filter((s) => s !== 'not_counted');
  expect(real.length).toBeLessThanOrEqual(1);
  return real[0] ?? 'not_counted';
}

/** Small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(rollupEntries.name, () => {
  it.each<[string, Row, string, FactStatus]>([
    ['done on the due date', timely({ doneDate: '2026-03-20' }), '2026-04-10', 'on_time'],
    ['done the day after', timely({ doneDate: '2026-03-21' }), '2026-04-10', 'late'],
    ['open, not yet due', timely({}), '2026-03-20', 'not_counted'],
    ['open, due yesterday: missing with no event', timely({}), '2026-03-21', 'missing'],
    ['17.1: due next month but decided in it', timely({ periodDate: '2026-04-02', dueDate: '2026-04-02', altPeriodDate: '2026-03-30', doneDate: '2026-03-30' }), '2026-03-31', 'on_time'],
    ['17.1: due and decided in it counts once', timely({ altPeriodDate: '2026-03-18', doneDate: '2026-03-18' }), '2026-03-31', 'on_time'],
    ['17.1: due in it, decided next month', timely({ altPeriodDate: '2026-04-03', doneDate: '2026-04-03' }), '2026-04-10', 'late'],
    ['completion: open past due', { ...timely({}), measure: 'completion' }, '2026-03-25', 'missing'],
    ['outcome unfavourable', { ...timely({ doneDate: '2026-03-20' }), measure: 'outcome', favourable: false }, '2026-03-20', 'missing'],
  ])('%s', (_, fact, today, expected) => {
    expect(viaEntries(fact, march, today)).toBe(expected);
    expect(viaGrains(fact, march, today)).toBe(expected);
  });

  it('agrees with classifyFact on 5,000 random facts, periods and days', () => {
    const next = random(20260331);
    const day = (from: string, span: number) => addDays(from, Math.floor(next() * span));
    const measures: IndicatorMeasure[] = ['timeliness', 'completion', 'outcome', 'count'];
    for (let i = 0; i < 5_000; i++) {
      const periodDate = day('2024-12-01', 400);
      const fact: Row = {
        measure: measures[Math.floor(next() * 4)],
        periodDate,
        altPeriodDate: next() < 0.4 ? day(addDays(periodDate, -40), 80) : null,
        dueDate: next() < 0.9 ? day(addDays(periodDate, -10), 20) : null,
        doneDate: next() < 0.7 ? day(addDays(periodDate, -20), 40) : null,
        favourable: next() < 0.1 ? null : next() < 0.8,
      };
      const from = day('2025-12-01', 120);
      // One in four periods holds the whole of 2025 (yearly grain) and spills into 2024 and 2026.
      const period = next() < 0.25 ? { from: day('2024-10-01', 120), to: day('2026-01-01', 200) } : { from, to: day(from, next() < 0.5 ? 40 : 200) };
      const today = day('2026-01-01', 200);
      const expected = classifyFact(fact, period, today);
      expect(viaEntries(fact, period, today)).toBe(expected);
      expect(viaGrains(fact, period, today)).toBe(expected);
    }
  });
});

describe(splitByMonths.name, () => {
  it.each<[DateRange, DateRange | null, DateRange[]]>([
    [{ from: '2026-01-01', to: '2026-12-31' }, { from: '2026-01-01', to: '2026-12-01' }, []],
    [{ from: '2026-03-01', to: '2026-03-31' }, { from: '2026-03-01', to: '2026-03-01' }, []],
    [{ from: '2026-03-05', to: '2026-03-09' }, null, [{ from: '2026-03-05', to: '2026-03-09' }]],
    [{ from: '2026-01-31', to: '2026-03-01' }, { from: '2026-02-01', to: '2026-02-01' }, [{ from: '2026-01-31', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-01' }]],
    [{ from: '2024-02-10', to: '2024-02-29' }, null, [{ from: '2024-02-10', to: '2024-02-29' }]],
    [{ from: '2025-12-15', to: '2026-02-28' }, { from: '2026-01-01', to: '2026-02-01' }, [{ from: '2025-12-15', to: '2025-12-31' }]],
  ])('%j → months %j, days %j', (period, months, days) => {
    expect(splitByMonths(period)).toEqual({ months, days });
  });
});

describe(splitByYears.name, () => {
  it.each<[DateRange, DateRange | null, DateRange[]]>([
    [{ from: '2026-01-01', to: '2026-12-01' }, { from: '2026-01-01', to: '2026-01-01' }, []],
    [{ from: '2024-01-01', to: '2026-12-01' }, { from: '2024-01-01', to: '2026-01-01' }, []],
    [{ from: '2026-03-01', to: '2026-11-01' }, null, [{ from: '2026-03-01', to: '2026-11-01' }]],
    [{ from: '2025-06-01', to: '2026-12-01' }, { from: '2026-01-01', to: '2026-01-01' }, [{ from: '2025-06-01', to: '2025-12-01' }]],
    [{ from: '2025-01-01', to: '2026-02-01' }, { from: '2025-01-01', to: '2025-01-01' }, [{ from: '2026-01-01', to: '2026-02-01' }]],
    [{ from: '2024-12-01', to: '2026-01-01' }, { from: '2025-01-01', to: '2025-01-01' }, [{ from: '2024-12-01', to: '2024-12-01' }, { from: '2026-01-01', to: '2026-01-01' }]],
    [{ from: '2025-02-01', to: '2026-11-01' }, null, [{ from: '2025-02-01', to: '2026-11-01' }]],
  ])('%j → years %j, months %j', (months, years, rest) => {
    expect(splitByYears(months)).toEqual({ years, months: rest });
  });
});

describe(toYearlyGrain.name, () => {
  it.each<[string, Parameters<typeof toYearlyGrain>[0], ReturnType<typeof toYearlyGrain>]>([
    ['placed in the year', { placeDate: '2026-03-01', exceptIn: null, status: 'on_time', openDue: null }, { placeDate: '2026-01-01', exceptIn: null, status: 'on_time', openDue: null }],
    ['open: keeps its due month', { placeDate: '2026-03-01', exceptIn: null, status: 'open', openDue: '2026-04-01' }, { placeDate: '2026-01-01', exceptIn: null, status: 'open', openDue: '2026-04-01' }],
    ['17.1 excepted in its own year: never counts in a whole year', { placeDate: '2026-03-01', exceptIn: '2026-02-27', status: 'on_time', openDue: null }, null],
    ['17.1 excepted in the year before', { placeDate: '2026-01-01', exceptIn: '2025-12-30', status: 'late', openDue: null }, { placeDate: '2026-01-01', exceptIn: '2025-12-30', status: 'late', openDue: null }],
  ])('%s', (_, monthly, expected) => {
    expect(toYearlyGrain(monthly)).toEqual(expected);
  });
});
