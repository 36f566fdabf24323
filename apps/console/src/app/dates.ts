// Statutory dates are Asia/Shanghai local dates (domain.md §2), whatever the browser's zone.
const LOCAL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const STAMP = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export function todayLocal(now: Date = new Date()): string {
  return LOCAL.format(now);
}

export function localDateOf(instant: string | undefined | null): string {
  if (!instant) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(instant) ? instant : LOCAL.format(new Date(instant));
}

export function formatInstant(instant: string | undefined | null): string {
  return instant ? STAMP.format(new Date(instant)) : '—';
}

export type Urgency = 'overdue' | 'soon' | 'normal' | 'done';

/** Red when past due, orange when due by `soonBoundary` (3 working days ahead, from the calendar API). */
export function urgencyOf(dueDate: string | undefined, open: boolean, today: string, soonBoundary: string | null): Urgency {
  if (!open || !dueDate) return 'done';
  if (dueDate < today) return 'overdue';
  if (soonBoundary && dueDate <= soonBoundary) return 'soon';
  return 'normal';
}
