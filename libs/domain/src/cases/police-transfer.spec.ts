import { describe, expect, it } from '@jest/globals';
import { PENALTY_PROCEDURE_RULES, WorkCalendar } from '#libs/clock';
import { policeTransferDeadlines, type PoliceTransferTimes } from './police-transfer.js';

const calendar = WorkCalendar.chineseDays();

describe(policeTransferDeadlines.name, () => {
  it.each<[string, PoliceTransferTimes, string, Record<string, unknown>]>([
    ['reported, approval not yet late', { reportedAt: '2026-03-02T09:00:00+08:00' }, '2026-03-04T09:00:00+08:00', { approvalDueDate: '2026-03-05', approvalOverdue: false }],
    ['reported, approval late', { reportedAt: '2026-03-02T09:00:00+08:00' }, '2026-03-06T09:00:00+08:00', { approvalDueDate: '2026-03-05', approvalOverdue: true }],
    // 3 days from 09-28 end on the National Day holiday and move to the next working day.
    ['approval period ending in a holiday', { reportedAt: '2026-09-28T09:00:00+08:00' }, '2026-09-29T09:00:00+08:00', { approvalDueDate: '2026-10-08' }],
    [
      'approved on time, handed over within 24 h',
      { reportedAt: '2026-03-02T09:00:00+08:00', approvedAt: '2026-03-04T10:00:00+08:00', transferredAt: '2026-03-05T09:59:00+08:00' },
      '2026-03-10T09:00:00+08:00',
      { approvalOnTime: true, handoverDueAt: '2026-03-05T02:00:00.000Z', handoverOnTime: true, handoverOverdue: false },
    ],
    [
      'approved late, handed over after 24 h',
      { reportedAt: '2026-03-02T09:00:00+08:00', approvedAt: '2026-03-06T10:00:00+08:00', transferredAt: '2026-03-07T10:01:00+08:00' },
      '2026-03-10T09:00:00+08:00',
      { approvalOnTime: false, handoverOnTime: false },
    ],
    [
      'approved, hand-over missing and late',
      { reportedAt: '2026-03-02T09:00:00+08:00', approvedAt: '2026-03-04T10:00:00+08:00' },
      '2026-03-05T10:01:00+08:00',
      { handoverOverdue: true },
    ],
  ])('%s', (_label, times, now, expected) => {
    expect(policeTransferDeadlines(times, PENALTY_PROCEDURE_RULES, calendar, now)).toMatchObject(expected);
  });
});
