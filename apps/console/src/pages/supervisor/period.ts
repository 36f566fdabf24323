import dayjs, { type Dayjs } from 'dayjs';
import { todayLocal } from '../../app/dates';

export interface Period {
  from: string;
  to: string;
}

export function yearToDate(): Period {
  const today = todayLocal();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The months the period spans, each clipped to it, for the monthly trend. */
export function monthsOf({ from, to }: Period): Period[] {
  const months: Period[] = [];
  for (let m: Dayjs = dayjs(from).startOf('month'); !m.isAfter(dayjs(to)); m = m.add(1, 'month')) {
    const start = m.format('YYYY-MM-DD');
    const end = m.endOf('month').format('YYYY-MM-DD');
    months.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return months.slice(-12);
}
