import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Breakdown } from '#libs/contracts';
import { addDays } from '#libs/clock';
import { monthOf, splitByMonths, splitByYears, type CountedStatus, type DateRange, type IndicatorCode, type OpenItem, type RecordKind, type StatusCounts } from '#libs/domain';
import { inPeriodFactsSql } from './fact-status.sql.js';

export interface FactQuery {
  codes: readonly IndicatorCode[];
  bureaus: string[];
  from: string;
  to: string;
  today: string;
}

export interface CountRow extends StatusCounts {
  indicator: IndicatorCode;
  key: string | null;
}

export interface ItemRow {
  itemKey: string;
  recordId: string;
  kind: RecordKind;
  bureau: string;
  channel: string;
  officer: string;
  dueDate: string | null;
  doneDate: string | null;
  status: CountedStatus;
}

const GROUP_COLUMN: Record<Breakdown, string> = { bureau: 'f.bureau', channel: 'f.channel', officer: 'f.officer' };
const ITEM_COLUMNS = `f.item_key AS "itemKey", f.record_id AS "recordId", f.record_kind AS kind, f.bureau, f.channel, f.officer,
  to_char(f.due_date, 'YYYY-MM-DD') AS "dueDate", to_char(f.done_date, 'YYYY-MM-DD') AS "doneDate"`;

function params(q: FactQuery): unknown[] {
  return [q.codes, q.bureaus, q.from, q.to, q.today];
}
const P = { codes: '$1', bureaus: '$2', from: '$3', to: '$4', today: '$5' };

/** Aggregates and lists indicator facts in SQL (COUNT … FILTER over index range scans). */
@Injectable()
export class IndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The figures, summed from the rollup: daily rows for the head and tail of the period, monthly
   * rows for the whole months outside whole years, yearly rows for the whole years (a year is one
   * row per indicator and status, whatever the history), plus the daily rows of items due earlier
   * in today's month and still open. The
   * rollup has no officer column — per-officer rows would be as many as the facts — so the
   * officer breakdown counts the facts.
   */
  async counts(q: FactQuery, breakdown?: Breakdown): Promise<CountRow[]> {
    if (breakdown === 'officer') return this.countsFromFacts(q, breakdown);
    const key = breakdown ? `r.${breakdown}` : 'NULL::text';
    const grains = splitByMonths({ from: q.from, to: q.to });
    const values: unknown[] = params(q);
    const range = (r: DateRange) => {
      values.push(r.from, r.to);
      return `$${values.length - 1}::date AND $${values.length}::date`;
    };
    const scope = `r.indicator = ANY($1::text[]) AND r.bureau = ANY($2::varchar[]) AND (r.except_in IS NULL OR r.except_in NOT BETWEEN $3::date AND $4::date)`;
    const arms = grains.days.map(
      (days) => `SELECT r.indicator, ${key} AS key, CASE WHEN r.status <> 'open' THEN r.status WHEN r.open_due < $5::date THEN 'missing' END AS counted, r.n
                   FROM indicator_day_counts r WHERE ${scope} AND r.place_date BETWEEN ${range(days)}`,
    );
    if (grains.months) {
      const months = grains.months;
      // The first of today's month, bound once (date_trunc would run per row: it is only stable).
      values.push(monthOf(q.today));
      const monthStart = `$${values.length}::date`;
      // Open items due before today's month are missing; those due in it or later wait for the last arm.
      const coarse = (table: string, place: string, r: DateRange) =>
        `SELECT r.indicator, ${key} AS key,
                CASE WHEN r.status <> 'open' THEN r.status WHEN r.open_due < ${monthStart} THEN 'missing' END AS counted, r.n
           FROM ${table} r WHERE ${scope} AND r.${place} BETWEEN ${range(r)}`;
      const byYears = splitByYears(months);
      for (const m of byYears.months) arms.push(coarse('indicator_month_counts', 'place_month', m));
      if (byYears.years) arms.push(coarse('indicator_year_counts', 'place_year', byYears.years));
      arms.push(`SELECT r.indicator, ${key} AS key, 'missing' AS counted, r.n
                   FROM indicator_day_counts r
                  WHERE ${scope} AND r.status = 'open' AND r.open_due >= ${monthStart} AND r.open_due < $5::date
                    AND r.place_date BETWEEN ${range({ from: months.from, to: addDays(monthOf(addDays(months.to, 31)), -1) })}`);
    }
    const rows: { indicator: IndicatorCode; key: string | null; onTime: string; late: string; missing: string }[] = await this.dataSource.query(
      `SELECT indicator, key,
              coalesce(sum(n) FILTER (WHERE counted = 'on_time'), 0) AS "onTime",
              coalesce(sum(n) FILTER (WHERE counted = 'late'), 0) AS late,
              coalesce(sum(n) FILTER (WHERE counted = 'missing'), 0) AS missing
         FROM (${arms.join(' UNION ALL ')}) s
        GROUP BY indicator, key`,
      values,
    );
    return rows.map((r) => ({ indicator: r.indicator, key: r.key, onTime: Number(r.onTime), late: Number(r.late), missing: Number(r.missing) }));
  }

  /** The same figures counted fact by fact (`inPeriodFactsSql`, as the drill-down selects them). */
  async countsFromFacts(q: FactQuery, breakdown?: Breakdown): Promise<CountRow[]> {
    const key = breakdown ? GROUP_COLUMN[breakdown] : 'NULL::text';
    const rows: (CountRow & { onTime: string; late: string; missing: string })[] = await this.dataSource.query(
      `SELECT indicator, key,
              count(*) FILTER (WHERE status = 'on_time') AS "onTime",
              count(*) FILTER (WHERE status = 'late') AS late,
              count(*) FILTER (WHERE status = 'missing') AS missing
         FROM (${inPeriodFactsSql(P, `f.indicator, ${key} AS key`)}) s
        GROUP BY indicator, key`,
      params(q),
    );
    return rows.map((r) => ({ indicator: r.indicator, key: r.key, onTime: Number(r.onTime), late: Number(r.late), missing: Number(r.missing) }));
  }

  /** The counted items behind one figure, due soonest first. */
  async items(q: FactQuery, status: CountedStatus | undefined, limit: number, offset: number): Promise<{ total: number; items: ItemRow[] }> {
    const rows: (ItemRow & { total: string })[] = await this.dataSource.query(
      `SELECT s.*, count(*) OVER () AS total
         FROM (${inPeriodFactsSql(P, ITEM_COLUMNS)}) s
        WHERE s.status <> 'not_counted' AND ($6::text IS NULL OR s.status = $6)
        ORDER BY s."dueDate" NULLS LAST, s."itemKey"
        LIMIT $7 OFFSET $8`,
      [...params(q), status ?? null, limit, offset],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countItems(q, status);
    return { total, items: rows.map(({ total: _total, ...item }) => item) };
  }

  private async countItems(q: FactQuery, status: CountedStatus | undefined): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM (${inPeriodFactsSql(P, 'f.item_key')}) s WHERE s.status <> 'not_counted' AND ($6::text IS NULL OR s.status = $6)`,
      [...params(q), status ?? null],
    );
    return Number(row.n);
  }

  /** Items of the period still open and not yet due (they count nowhere yet). */
  async openItems(q: FactQuery): Promise<(OpenItem & { indicator: IndicatorCode; kind: RecordKind })[]> {
    return this.dataSource.query(
      `SELECT s.indicator, s."itemKey", s."recordId", s.kind, s."dueDate"
         FROM (${inPeriodFactsSql(P, `f.indicator, ${ITEM_COLUMNS}`)}) s
        WHERE s.status = 'not_counted' AND s."doneDate" IS NULL AND s."dueDate" IS NOT NULL
        ORDER BY s."dueDate", s."itemKey"`,
      params(q),
    );
  }

  /** Per indicator, the share of items completed in `[since, today]` that were done by their due date. */
  async recentOnTimeRates(codes: readonly IndicatorCode[], bureaus: string[], since: string, today: string): Promise<Map<IndicatorCode, number>> {
    const rows: { indicator: IndicatorCode; rate: string }[] = await this.dataSource.query(
      `SELECT indicator, avg(CASE WHEN done_date <= due_date THEN 1.0 ELSE 0.0 END) AS rate
         FROM indicator_facts
        WHERE indicator = ANY($1::text[]) AND bureau = ANY($2::varchar[]) AND done_date BETWEEN $3::date AND $4::date AND due_date IS NOT NULL
        GROUP BY indicator`,
      [codes, bureaus, since, today],
    );
    return new Map(rows.map((r) => [r.indicator, Number(r.rate)]));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
