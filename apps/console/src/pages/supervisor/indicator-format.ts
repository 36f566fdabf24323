import type { Indicator } from '../../api/types';
import { COMPARATOR_LABELS } from '../../app/labels';

/** Rates arrive as percents with two decimals (95.35); 18.2 is the only count (of cases), shown as it is. */
export function isCount(i: Indicator): boolean {
  return i.code === '18.2';
}

export function formatValue(i: Indicator, value: number | null = i.value): string {
  if (value === null || value === undefined) return '—';
  if (isCount(i)) return String(value);
  return `${value.toFixed(2)}%`;
}

export function formatThreshold(i: Indicator): string {
  if (i.threshold === null || i.threshold === undefined) return '—';
  return `${COMPARATOR_LABELS[i.comparator] ?? i.comparator} ${formatValue(i, i.threshold)}`;
}
