import { addDays } from '#libs/clock';
import { isListEntryOpen, isPenaltyPublished, type GradingRecord } from './credit-record.js';
import { addMonths } from './months.js';

/** 风险等级: A 低, B 一般, C 较高, D 高. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeFactor {
  code: string;
  label: string;
  points: number;
  /** The record item that produced the points (record / list entry / complaint id). */
  source: string;
}

export interface GradeResult {
  grade: Grade;
  score: number;
  factors: GradeFactor[];
  asOf: string;
  ruleVersion: string;
}

/**
 * Rule set `credit-grade-2026.1`. Risk points per factor, counted on the `asOf` date:
 *
 * | code | counts | points |
 * |---|---|---|
 * | SERIOUS_DISHONESTY | on 严重违法失信名单 | grade D whatever the score (+50) |
 * | HEAVY_PENALTY | each penalty still published (3-year publication) | +30 |
 * | LIGHT_PENALTY | each light penalty still published (3-month publication) | +10 |
 * | ABNORMAL_OPERATION | on 经营异常名录 | +25 |
 * | SOFT_MEASURE | each 行政指导/约谈/告诫/通报 in the last 12 months | +5, at most +15 |
 * | COMPLAINT_VOLUME | each complaint received in the last 12 months | +2, at most +20 |
 * | COMPLAINT_UNSETTLED | each mediation ended unsettled in the last 12 months | +3, at most +15 |
 * | CREDIT_COMMITMENT | a 信用承诺 made in the last 12 months | −5 (once) |
 * | POSITIVE_RECORD | each positive record in the last 36 months | −5, at most −10 |
 *
 * Grade by total: A ≤ 4, B 5–24, C 25–49, D ≥ 50. Repaired penalties stop counting from the
 * repair decision date, voided ones (decision revoked) from the revocation date. A change to points or thresholds is a new version id, never an edit.
 */
export const CREDIT_RULE_SET = {
  version: 'credit-grade-2026.1',
  thresholds: { B: 5, C: 25, D: 50 },
  factors: {
    SERIOUS_DISHONESTY: { label: '列入严重违法失信名单', points: 50 },
    HEAVY_PENALTY: { label: '公示期内的行政处罚', points: 30 },
    LIGHT_PENALTY: { label: '公示期内的较轻行政处罚', points: 10 },
    ABNORMAL_OPERATION: { label: '列入经营异常名录', points: 25 },
    SOFT_MEASURE: { label: '近12个月行政指导、约谈、告诫或警示通报', points: 5, cap: 15 },
    COMPLAINT_VOLUME: { label: '近12个月消费投诉', points: 2, cap: 20 },
    COMPLAINT_UNSETTLED: { label: '近12个月调解未成功的投诉', points: 3, cap: 15 },
    CREDIT_COMMITMENT: { label: '近12个月作出信用承诺', points: -5, cap: -5 },
    POSITIVE_RECORD: { label: '近36个月正面记录', points: -5, cap: -10 },
  },
  /** How many months back from `asOf` an item of each windowed factor counts. */
  windowMonths: { SOFT_MEASURE: 12, COMPLAINT: 12, CREDIT_COMMITMENT: 12, POSITIVE_RECORD: 36 },
} as const;

const WINDOW = CREDIT_RULE_SET.windowMonths;

type FactorCode = keyof typeof CREDIT_RULE_SET.factors;

function within(date: string, asOf: string, months: number): boolean {
  return date <= asOf && date > addMonths(asOf, -months);
}

/** One factor per contributing item; items past a cap are listed with the points they still add (0). */
function itemFactors(code: FactorCode, sources: string[]): GradeFactor[] {
  const rule = CREDIT_RULE_SET.factors[code];
  const cap = 'cap' in rule ? rule.cap : undefined;
  let total = 0;
  return sources.map((source) => {
    let points: number = rule.points;
    if (cap !== undefined) points = cap > 0 ? Math.min(points, cap - total) : Math.max(points, cap - total);
    total += points;
    return { code, label: rule.label, points, source };
  });
}

export function gradeOfScore(score: number): Grade {
  const t = CREDIT_RULE_SET.thresholds;
  return score >= t.D ? 'D' : score >= t.C ? 'C' : score >= t.B ? 'B' : 'A';
}

/** The grade on `asOf` from the record alone (pure: same record and date, same answer). */
export function gradeAt(record: GradingRecord, asOf: string): GradeResult {
  const published = record.penalties.filter((p) => isPenaltyPublished(p, asOf));
  const open = record.listEntries.filter((e) => isListEntryOpen(e, asOf));
  const byDate = <T extends { id: string }>(items: T[], date: (t: T) => string) =>
    [...items].sort((a, b) => date(a).localeCompare(date(b)) || a.id.localeCompare(b.id)).map((i) => i.id);
  const factors = [
    ...itemFactors('SERIOUS_DISHONESTY', open.filter((e) => e.list === 'serious_dishonesty').map((e) => e.id)),
    ...itemFactors('HEAVY_PENALTY', byDate(published.filter((p) => !p.light), (p) => p.decidedDate)),
    ...itemFactors('LIGHT_PENALTY', byDate(published.filter((p) => p.light), (p) => p.decidedDate)),
    ...itemFactors('ABNORMAL_OPERATION', open.filter((e) => e.list === 'abnormal_operation').map((e) => e.id)),
    ...itemFactors('SOFT_MEASURE', byDate(record.softMeasures.filter((m) => within(m.date, asOf, WINDOW.SOFT_MEASURE)), (m) => m.date)),
    ...itemFactors('COMPLAINT_VOLUME', byDate(record.complaints.filter((c) => within(c.receivedDate, asOf, WINDOW.COMPLAINT)), (c) => c.receivedDate)),
    ...itemFactors(
      'COMPLAINT_UNSETTLED',
      byDate(record.complaints.filter((c) => c.unsettledDate !== undefined && within(c.unsettledDate, asOf, WINDOW.COMPLAINT)), (c) => c.unsettledDate!),
    ),
    ...itemFactors('CREDIT_COMMITMENT', byDate(record.commitments.filter((c) => within(c.date, asOf, WINDOW.CREDIT_COMMITMENT)), (c) => c.date)),
    ...itemFactors('POSITIVE_RECORD', byDate(record.positives.filter((p) => within(p.date, asOf, WINDOW.POSITIVE_RECORD)), (p) => p.date)),
  ];
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const seriousDishonesty = factors.some((f) => f.code === 'SERIOUS_DISHONESTY');
  return { grade: seriousDishonesty ? 'D' : gradeOfScore(score), score, factors, asOf, ruleVersion: CREDIT_RULE_SET.version };
}

/**
 * The first date on which an item dated `date` no longer counts in a window of `months`. Usually
 * `date` + `months`; an item on a day the end month lacks still counts on the clamped day
 * (2024-02-29 in a 12-month window counts on 2025-02-28 and stops on 2025-03-01).
 */
export function windowEnd(date: string, months: number): string {
  let end = addMonths(date, months);
  while (within(date, end, months)) end = addDays(end, 1);
  return end;
}

/**
 * The first date after `asOf` on which some item of the record starts or stops counting, so the
 * grade may change with no new event (a publication or look-back window ending); null when no
 * such date is ahead. Until then the grade on `asOf` holds.
 */
export function nextGradeChange(record: GradingRecord, asOf: string): string | null {
  const dates: (string | undefined)[] = [];
  for (const p of record.penalties) dates.push(p.decidedDate, p.publicationEnd, p.repairedDate, p.voidedDate);
  for (const e of record.listEntries) dates.push(e.enteredDate, e.removedDate);
  for (const m of record.softMeasures) dates.push(m.date, windowEnd(m.date, WINDOW.SOFT_MEASURE));
  for (const c of record.complaints) {
    dates.push(c.receivedDate, windowEnd(c.receivedDate, WINDOW.COMPLAINT));
    if (c.unsettledDate !== undefined) dates.push(c.unsettledDate, windowEnd(c.unsettledDate, WINDOW.COMPLAINT));
  }
  for (const c of record.commitments) dates.push(c.date, windowEnd(c.date, WINDOW.CREDIT_COMMITMENT));
  for (const p of record.positives) dates.push(p.date, windowEnd(p.date, WINDOW.POSITIVE_RECORD));
  let next: string | null = null;
  for (const d of dates) if (d !== undefined && d > asOf && (next === null || d < next)) next = d;
  return next;
}
