import { get } from '../api/client';
import { todayLocal } from './dates';
import { useApi } from './use-api';

/** The last date counted as "due soon": 3 working days ahead by the real calendar (domain.md §2 reminders). */
export function useSoonBoundary(): { today: string; soon: string | null } {
  const today = todayLocal();
  const answer = useApi(() => get<{ dueDate: string }>('/api/v1/calendar/add', { from: today, days: 3, kind: 'working' }), [today]);
  return { today, soon: answer.data?.dueDate ?? null };
}
