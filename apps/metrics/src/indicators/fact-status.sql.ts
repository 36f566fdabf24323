/**
 * SQL twin of `classifyFact` (#libs/domain): the drill-down (and the officer breakdown) select
 * through `inPeriodFactsSql`; the other figures sum the rollup, which tests/metrics check against
 * this fact by fact count and against `classifyFact` item by item. `$today` is a placeholder such as `$4`.
 */
export function factStatusSql(today: string): string {
  return `CASE
    WHEN f.measure IN ('outcome', 'count') THEN CASE WHEN f.favourable THEN 'on_time' ELSE 'missing' END
    WHEN f.done_date IS NOT NULL THEN
      CASE WHEN f.measure = 'completion' OR f.due_date IS NULL OR f.done_date <= f.due_date THEN 'on_time' ELSE 'late' END
    WHEN f.due_date IS NOT NULL AND f.due_date < ${today}::date THEN 'missing'
    ELSE 'not_counted' END`;
}

export interface FactScopeParams {
  /** Placeholders, e.g. `$1`. */
  codes: string;
  bureaus: string;
  from: string;
  to: string;
  today: string;
}

/**
 * The facts in a period with their status: placed by period_date, or by alt_period_date when
 * period_date is outside (17.1 "decided in it"). Two index range scans instead of an OR.
 */
export function inPeriodFactsSql(p: FactScopeParams, columns: string): string {
  const status = factStatusSql(p.today);
  const scope = `f.indicator = ANY(${p.codes}::text[]) AND f.bureau = ANY(${p.bureaus}::varchar[])`;
  return `
    SELECT ${columns}, ${status} AS status FROM indicator_facts f
     WHERE ${scope} AND f.period_date BETWEEN ${p.from}::date AND ${p.to}::date
    UNION ALL
    SELECT ${columns}, ${status} AS status FROM indicator_facts f
     WHERE ${scope} AND f.alt_period_date BETWEEN ${p.from}::date AND ${p.to}::date
       AND f.period_date NOT BETWEEN ${p.from}::date AND ${p.to}::date`;
}
