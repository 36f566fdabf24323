import type { LocalDate } from '#libs/clock';
import type { IndicatorDefinition } from './indicator-catalogue.js';
import { evaluateIndicator, type IndicatorFigure, type IndicatorSettings, type StatusCounts } from './indicator-figure.js';

/** An item of the period still open and not yet due: it counts nowhere yet. */
export interface OpenItem {
  itemKey: string;
  recordId: string;
  dueDate: LocalDate;
}

export interface ForecastInput {
  counts: StatusCounts;
  open: OpenItem[];
  /** Share of the bureau's recently completed items done on time (0..1); null without history. */
  recentOnTimeRate: number | null;
}

export type ForecastOutlook = 'safe' | 'at_risk' | 'lost' | 'no_threshold';

export interface IndicatorForecast {
  current: IndicatorFigure;
  projected: IndicatorFigure;
  openItems: number;
  /** Pace used: the recent on-time share, or the period's own share when there is no history. */
  paceOnTimeRate: number;
  outlook: ForecastOutlook;
  /** Open items that must still be handled on time for the threshold to be met. */
  mustBeOnTime: number | null;
  /** Those items, due soonest first: handling them late flips the indicator to not met. */
  decidingItems: OpenItem[];
}

function pace(input: ForecastInput): number {
  if (input.recentOnTimeRate !== null) return input.recentOnTimeRate;
  const { onTime, late, missing } = input.counts;
  const total = onTime + late + missing;
  return total === 0 ? 1 : onTime / total;
}

/** Most open items that may turn late with the threshold still met (monotone: binary search). */
function absorbableLate(def: IndicatorDefinition, settings: IndicatorSettings, counts: StatusCounts, open: number): number {
  let lo = 0;
  let hi = open;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const figure = evaluateIndicator(def, { onTime: counts.onTime + open - mid, late: counts.late, missing: counts.missing + mid }, settings);
    if (figure.met) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where a rate lands if the period's open items are handled at the bureau's recent pace, and
 * which of them decide it. Outcome indicators have no open items: the projection is the figure.
 */
export function forecastIndicator(def: IndicatorDefinition, settings: IndicatorSettings, input: ForecastInput): IndicatorForecast {
  const current = evaluateIndicator(def, input.counts, settings);
  const open = [...input.open].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.itemKey < b.itemKey ? -1 : 1));
  const rate = pace(input);
  const expectedOnTime = Math.round(rate * open.length);
  const projected = evaluateIndicator(
    def,
    { onTime: input.counts.onTime + expectedOnTime, late: input.counts.late, missing: input.counts.missing + open.length - expectedOnTime },
    settings,
  );
  const base = { current, projected, openItems: open.length, paceOnTimeRate: Math.round(rate * 10_000) / 10_000 };
  const best = evaluateIndicator(def, { ...input.counts, onTime: input.counts.onTime + open.length }, settings);
  if (best.met === null) return { ...base, outlook: 'no_threshold', mustBeOnTime: null, decidingItems: [] };
  if (!best.met) return { ...base, outlook: 'lost', mustBeOnTime: null, decidingItems: [] };
  const mustBeOnTime = open.length - absorbableLate(def, settings, input.counts, open.length);
  return { ...base, outlook: mustBeOnTime === 0 ? 'safe' : 'at_risk', mustBeOnTime, decidingItems: open.slice(0, mustBeOnTime) };
}
