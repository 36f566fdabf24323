import { rollupEntries, toMonthlyGrain, toYearlyGrain, type IndicatorFact, type RollupEntry, type RollupStatus } from '#libs/domain';

/**
 * The indicator rollup: counts of `rollupEntries` (#libs/domain) per indicator, bureau, channel,
 * placing date, excepting date, status and open due date, in three grains — `indicator_day_counts`
 * (by day, for the head and tail of a period), `indicator_month_counts` (by month, for the whole
 * months inside it) and `indicator_year_counts` (by year, for the whole years inside it). Figures
 * sum a few hundred of these rows instead of every fact.
 */
export const ROLLUP_TABLES = {
  day: { table: 'indicator_day_counts', place: 'place_date' },
  month: { table: 'indicator_month_counts', place: 'place_month' },
  year: { table: 'indicator_year_counts', place: 'place_year' },
} as const;
export type RollupGrain = keyof typeof ROLLUP_TABLES;

export interface RollupDelta {
  indicator: string;
  bureau: string;
  channel: string;
  /** The day (daily grain) or the first day of the month or year (monthly, yearly grain). */
  place: string;
  exceptIn: string | null;
  status: RollupStatus;
  /** Due day of an open item (daily grain) or its month (monthly and yearly grain). */
  openDue: string | null;
  n: number;
}

type Keyed = Omit<RollupDelta, 'n'>;
const keyOf = (k: Keyed) => [k.indicator, k.bureau, k.place, k.channel, k.status, k.exceptIn ?? '', k.openDue ?? ''].join('\u0000');

/**
 * How a record's facts moving from `before` to `after` changes each grain: −1 per old entry, +1
 * per new one, unchanged keys dropped, sorted by key so concurrent writers lock rows in one order.
 */
export function rollupDeltas(before: readonly IndicatorFact[], after: readonly IndicatorFact[]): Record<RollupGrain, RollupDelta[]> {
  const grains: Record<RollupGrain, Map<string, RollupDelta>> = { day: new Map(), month: new Map(), year: new Map() };
  const add = (grain: RollupGrain, k: Keyed, n: number) => {
    const key = keyOf(k);
    const d = grains[grain].get(key);
    if (d) d.n += n;
    else grains[grain].set(key, { ...k, n });
  };
  for (const [facts, n] of [[before, -1], [after, 1]] as const) {
    for (const f of facts) {
      for (const e of rollupEntries(f)) {
        const key = (x: RollupEntry) => ({ indicator: f.indicator, bureau: f.bureau, channel: f.channel, place: x.placeDate, exceptIn: x.exceptIn, status: x.status, openDue: x.openDue });
        add('day', key(e), n);
        const monthly = toMonthlyGrain(e);
        if (!monthly) continue;
        add('month', key(monthly), n);
        const yearly = toYearlyGrain(monthly);
        if (yearly) add('year', key(yearly), n);
      }
    }
  }
  const sorted = (m: Map<string, RollupDelta>) => [...m.entries()].filter(([, d]) => d.n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  return { day: sorted(grains.day), month: sorted(grains.month), year: sorted(grains.year) };
}

const STATUS_SQL = `CASE
    WHEN f.measure IN ('outcome', 'count') THEN CASE WHEN f.favourable THEN 'on_time' ELSE 'missing' END
    WHEN f.done_date IS NOT NULL THEN
      CASE WHEN f.measure = 'completion' OR f.due_date IS NULL OR f.done_date <= f.due_date THEN 'on_time' ELSE 'late' END
    WHEN f.due_date IS NOT NULL THEN 'open'
    ELSE 'not_counted' END`;

/** `rollupEntries` in SQL, over every fact (recounting after a bulk load; checked against the incremental counts). */
const ENTRIES_SQL = `
  SELECT f.indicator, f.bureau, f.channel, f.period_date AS place, NULL::date AS except_in, s.status,
         CASE WHEN s.status = 'open' THEN f.due_date END AS open_due
    FROM indicator_facts f CROSS JOIN LATERAL (SELECT ${STATUS_SQL} AS status) s
  UNION ALL
  SELECT f.indicator, f.bureau, f.channel, f.alt_period_date, f.period_date, s.status,
         CASE WHEN s.status = 'open' THEN f.due_date END
    FROM indicator_facts f CROSS JOIN LATERAL (SELECT ${STATUS_SQL} AS status) s
   WHERE f.alt_period_date IS NOT NULL AND f.alt_period_date <> f.period_date`;

/** Each grain's rows recounted from the facts, as `SELECT indicator, bureau, channel, place, except_in, status, open_due, n`. */
export const ROLLUP_FROM_FACTS_SQL: Record<RollupGrain, string> = {
  day: `SELECT indicator, bureau, channel, place, except_in, status, open_due, count(*)::int AS n
          FROM (${ENTRIES_SQL}) e GROUP BY indicator, bureau, channel, place, except_in, status, open_due`,
  month: `SELECT indicator, bureau, channel, date_trunc('month', place)::date AS place, except_in, status,
                 date_trunc('month', open_due)::date AS open_due, count(*)::int AS n
            FROM (${ENTRIES_SQL}) e
           WHERE except_in IS NULL OR date_trunc('month', except_in) <> date_trunc('month', place)
           GROUP BY indicator, bureau, channel, date_trunc('month', place), except_in, status, date_trunc('month', open_due)`,
  year: `SELECT indicator, bureau, channel, date_trunc('year', place)::date AS place, except_in, status,
                date_trunc('month', open_due)::date AS open_due, count(*)::int AS n
           FROM (${ENTRIES_SQL}) e
          WHERE except_in IS NULL OR date_trunc('year', except_in) <> date_trunc('year', place)
          GROUP BY indicator, bureau, channel, date_trunc('year', place), except_in, status, date_trunc('month', open_due)`,
};
