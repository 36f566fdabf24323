import type { LocalDate } from '#libs/clock';
import type { DateRange, FactStatus, IndicatorFact } from './indicator-fact.js';

type Classified = Pick<IndicatorFact, 'measure' | 'periodDate' | 'altPeriodDate' | 'dueDate' | 'doneDate' | 'favourable'>;

function within(date: LocalDate | null, range: DateRange): boolean {
  return date !== null && date >= range.from && date <= range.to;
}

/**
 * The one rule deciding how an item counts for a period as seen on `today`. The projection's SQL
 * (apps/metrics, `FACT_STATUS_SQL`) mirrors it; an integration test checks both agree item by item.
 *
 * An open item not yet due counts in neither side; once `today` is past its due date it counts as
 * missing even though no event arrived (the end of the due date is itself the fact).
 */
export function classifyFact(fact: Classified, period: DateRange, today: LocalDate): FactStatus {
  if (!within(fact.periodDate, period) && !within(fact.altPeriodDate, period)) return 'not_counted';
  if (fact.measure === 'outcome' || fact.measure === 'count') return fact.favourable ? 'on_time' : 'missing';
  if (fact.doneDate !== null) {
    if (fact.measure === 'completion' || fact.dueDate === null || fact.doneDate <= fact.dueDate) return 'on_time';
    return 'late';
  }
  return fact.dueDate !== null && today > fact.dueDate ? 'missing' : 'not_counted';
}
