import type { LocalDate } from '#libs/clock';
import type { IndicatorCode, IndicatorMeasure } from './indicator-catalogue.js';

export type RecordKind = 'lead' | 'case' | 'complaint';

/**
 * One item counted by one indicator, derived from a record's latest snapshot. A record gives
 * zero or more facts (a case gives one per concluded review); the projection stores them as rows.
 */
export interface IndicatorFact {
  indicator: IndicatorCode;
  measure: IndicatorMeasure;
  /** Unique per indicator: the record id, plus `#n` for the n-th review of a case. */
  itemKey: string;
  recordId: string;
  recordKind: RecordKind;
  bureau: string;
  channel: string;
  /** Officer or complaint handler responsible (username). */
  officer: string;
  /** Places the item in a period: its due date, receipt date or conclusion date. */
  periodDate: LocalDate;
  /** A second date that also places it in a period (17.1: the decision date). */
  altPeriodDate: LocalDate | null;
  dueDate: LocalDate | null;
  /** Local date of the action the indicator waits for (decision, report-back, closure…). */
  doneDate: LocalDate | null;
  /** For outcome/count measures: whether the result counts in the numerator. */
  favourable: boolean | null;
}

export type FactStatus = 'on_time' | 'late' | 'missing' | 'not_counted';
export const COUNTED_STATUSES = ['on_time', 'late', 'missing'] as const;
export type CountedStatus = (typeof COUNTED_STATUSES)[number];

export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}
