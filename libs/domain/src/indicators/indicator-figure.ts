import { type Comparator, type IndicatorDefinition } from './indicator-catalogue.js';

/** Admin-editable settings of one indicator (stored by the metrics service). */
export interface IndicatorSettings {
  /** Percent for rates (95 = 95 %), a count for 18.2. */
  threshold: number | null;
  comparator: Comparator;
  /** Below this denominator the figure is flagged rather than trusted. */
  minimumSample: number;
  /** National reference rate (percent) for the indicators compared with 全国. */
  nationalRate: number | null;
}

export interface StatusCounts {
  onTime: number;
  late: number;
  missing: number;
}

export interface IndicatorFigure {
  numerator: number;
  denominator: number;
  /** Percent with two decimals for rates, the count for 18.2; null without a denominator. */
  value: number | null;
  threshold: number | null;
  comparator: Comparator;
  /** Null when it cannot be judged (no items, or no threshold configured yet). */
  met: boolean | null;
  /** How many more late items the period can absorb and still meet the threshold (null = any number). */
  lateBudget: number | null;
  /** On-time items needed to meet the threshold when it is missed (null = impossible or not applicable). */
  onTimeNeeded: number | null;
  belowMinimumSample: boolean;
  minimumSample: number;
  onTime: number;
  late: number;
  missing: number;
}

/** Threshold in basis points, so comparisons stay in integers (95.5 % → 9550). */
function bp(percent: number): number {
  return Math.round(percent * 100);
}

/** Whether n/d (as a percent) stands against the threshold, exactly (no float rounding). */
export function rateMeets(n: number, d: number, thresholdPercent: number, comparator: Comparator): boolean {
  const left = n * 10_000;
  const right = bp(thresholdPercent) * d;
  switch (comparator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '=':
      return left === right;
    case '<=':
      return left <= right;
  }
}

function countMeets(value: number, threshold: number, comparator: Comparator): boolean {
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '=':
      return value === threshold;
    case '<=':
      return value <= threshold;
  }
}

/** Largest k such that n/(d+k) still meets; null when unbounded. Assumes it meets at k = 0. */
function rateLateBudget(n: number, d: number, threshold: number, comparator: Comparator): number | null {
  const p = bp(threshold);
  if (comparator === '=' ) return 0;
  if (comparator === '<=' || p === 0) return null;
  const slack = n * 10_000 - p * d;
  return comparator === '>=' ? Math.floor(slack / p) : Math.ceil(slack / p) - 1;
}

/** Smallest j such that (n+j)/(d+j) meets; null when no number of on-time items can. */
function rateOnTimeNeeded(n: number, d: number, threshold: number, comparator: Comparator): number | null {
  const p = bp(threshold);
  if (comparator === '=' || comparator === '<=') return null;
  const gap = p * d - n * 10_000;
  const perItem = 10_000 - p;
  if (perItem <= 0) return comparator === '>=' && perItem === 0 && gap <= 0 ? 0 : null;
  return comparator === '>=' ? Math.max(0, Math.ceil(gap / perItem)) : Math.max(0, Math.floor(gap / perItem) + 1);
}

/** The effective threshold: the national reference once entered, for the indicators compared with it. */
export function effectiveThreshold(def: IndicatorDefinition, settings: IndicatorSettings): number | null {
  return def.nationalReference ? (settings.nationalRate ?? settings.threshold) : settings.threshold;
}

/** Numerator, value, met/not met, budget and sample flag of one indicator from its status counts. */
export function evaluateIndicator(def: IndicatorDefinition, counts: StatusCounts, settings: IndicatorSettings): IndicatorFigure {
  const threshold = effectiveThreshold(def, settings);
  const comparator = settings.comparator;
  const denominator = counts.onTime + counts.late + counts.missing;
  const base = {
    denominator,
    threshold,
    comparator,
    belowMinimumSample: denominator < settings.minimumSample,
    minimumSample: settings.minimumSample,
    ...counts,
  };
  if (def.measure === 'count') {
    // 18.2 counts the unfavourable items; zero is the goal, so there is no late budget.
    const value = counts.missing;
    const met = threshold === null ? null : countMeets(value, threshold, comparator);
    const budget = threshold === null || comparator === '=' || comparator === '>' || comparator === '>=' ? 0 : Math.max(0, threshold - value);
    return { ...base, numerator: value, value, met, lateBudget: budget, onTimeNeeded: null };
  }
  const numerator = counts.onTime;
  const value = denominator === 0 ? null : Math.round((numerator * 10_000) / denominator) / 100;
  if (threshold === null) return { ...base, numerator, value, met: null, lateBudget: null, onTimeNeeded: null };
  const meets = rateMeets(numerator, denominator, threshold, comparator);
  return {
    ...base,
    numerator,
    value,
    met: denominator === 0 ? null : meets,
    lateBudget: meets ? rateLateBudget(numerator, denominator, threshold, comparator) : 0,
    onTimeNeeded: meets ? 0 : rateOnTimeNeeded(numerator, denominator, threshold, comparator),
  };
}
