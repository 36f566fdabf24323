import { describe, expect, it } from '@jest/globals';
import { PENALTY_PROCEDURE_RULES, WorkCalendar, type Pause } from '#libs/clock';
import { ValidationError } from '../shared/domain-error.js';
import { leadClock, leadTimeliness, reporterNoticeDueDate, type LeadClockInput } from './lead-clock.js';

const calendar = WorkCalendar.chineseDays();
const base = (over: Partial<LeadClockInput>): LeadClockInput => ({
  receivedAt: '2026-09-28T09:00:00+08:00',
  ruleSet: PENALTY_PROCEDURE_RULES,
  calendar,
  pauses: [],
  today: '2026-09-28T09:00:00+08:00',
  ...over,
});
const pause = (start: string, end?: string): Pause => ({ start, ...(end ? { end } : {}), reason: 'testing', recordedBy: 'li' });
const extension = { reason: '需调取平台数据', approvedBy: 'zhang', approvedAt: '2026-10-09T10:00:00+08:00' };

describe(leadClock.name, () => {
  it.each([
    ['received Mon 2026-09-28 (National Day inside)', { receivedAt: '2026-09-28T09:00:00+08:00' }, '2026-10-23', 'statutory'],
    ['received Fri 2026-11-27', { receivedAt: '2026-11-27T09:00:00+08:00' }, '2026-12-18', 'statutory'],
    ['receipt counts its Shanghai date, not the UTC one', { receivedAt: '2026-11-26T16:30:00Z' }, '2026-12-18', 'statutory'],
    [
      'paused 11-05 … 11-11 (testing)',
      { receivedAt: '2026-11-02T09:00:00+08:00', pauses: [pause('2026-11-05T09:00:00+08:00', '2026-11-11T17:00:00+08:00')] },
      '2026-11-30',
      'statutory',
    ],
    ['extended once: 30 WD after receipt', { receivedAt: '2026-09-28T09:00:00+08:00', extension }, '2026-11-13', 'statutory'],
    ['superior date earlier applies', { superiorDueDate: '2026-10-15' }, '2026-10-15', 'superior'],
    ['superior date later is ignored', { superiorDueDate: '2026-10-30' }, '2026-10-23', 'statutory'],
    ['platform date earlier applies', { platformDueDate: '2026-10-12', superiorDueDate: '2026-10-20' }, '2026-10-12', 'platform'],
  ] as const)('%s → %s', (_label, over, dueDate, source) => {
    const sut = leadClock(base(over as Partial<LeadClockInput>));
    expect(sut.dueDate).toBe(dueDate);
    expect(sut.source).toBe(source);
    expect(sut.explanation.applied).toBe(source);
  });

  it('explains an open pause as running up to today and moves the date while it runs', () => {
    const open = pause('2026-11-05T09:00:00+08:00');
    const day1 = leadClock(base({ receivedAt: '2026-11-02T09:00:00+08:00', pauses: [open], today: '2026-11-05T12:00:00+08:00' }));
    const day3 = leadClock(base({ receivedAt: '2026-11-02T09:00:00+08:00', pauses: [open], today: '2026-11-09T12:00:00+08:00' }));
    expect(day1.paused).toBe(true);
    expect(day3.dueDate > day1.dueDate).toBe(true);
    expect(day3.explanation.segments.some((s) => s.kind === 'pause' && s.open)).toBe(true);
  });

  it('marks a date beyond the known calendar as provisional, never an external one', () => {
    expect(leadClock(base({ receivedAt: '2027-12-20T09:00:00+08:00', today: '2027-12-20T09:00:00+08:00' })).provisional).toBe(true);
    expect(
      leadClock(base({ receivedAt: '2027-12-20T09:00:00+08:00', today: '2027-12-20T09:00:00+08:00', platformDueDate: '2027-12-22' })).provisional,
    ).toBe(false);
  });

  it('turns a broken pause into a ValidationError (400)', () => {
    expect(() => leadClock(base({ pauses: [pause('2026-10-10T09:00:00+08:00', '2026-10-01T09:00:00+08:00')] }))).toThrow(ValidationError);
  });
});

describe(reporterNoticeDueDate.name, () => {
  it.each([
    ['2026-09-29T10:00:00+08:00', '2026-10-12'], // 10-08 and the adjusted Saturday 10-10 count
    ['2026-11-27T10:00:00+08:00', '2026-12-04'],
  ])('decided %s → notice due %s', (decidedAt, dueDate) => {
    expect(reporterNoticeDueDate(decidedAt, PENALTY_PROCEDURE_RULES, calendar).dueDate).toBe(dueDate);
  });
});

describe(leadTimeliness.name, () => {
  it.each([
    ['open, due in 5 WD', '2026-12-04', undefined, '2026-11-27T10:00:00+08:00', { overdue: false, dueSoon: false, remind: false }],
    ['open, due in 3 WD', '2026-12-02', undefined, '2026-11-27T10:00:00+08:00', { overdue: false, dueSoon: true, remind: true }],
    ['open, due today', '2026-11-27', undefined, '2026-11-27T10:00:00+08:00', { overdue: false, dueSoon: true, remind: true }],
    ['open, overdue', '2026-11-26', undefined, '2026-11-27T10:00:00+08:00', { overdue: true, dueSoon: false, onTime: false, remind: true }],
    ['open, overdue on a Saturday: no reminder', '2026-11-26', undefined, '2026-11-28T10:00:00+08:00', { overdue: true, remind: false }],
    ['decided on the due date', '2026-11-27', '2026-11-27T23:00:00+08:00', '2026-12-10T10:00:00+08:00', { onTime: true, overdue: false }],
    ['decided a day late', '2026-11-27', '2026-11-28T01:00:00+08:00', '2026-12-10T10:00:00+08:00', { onTime: false, overdue: false }],
  ] as const)('%s', (_label, dueDate, decidedAt, today, expected) => {
    const sut = leadTimeliness({ dueDate, ...(decidedAt ? { decidedAt } : {}), today, calendar });
    expect(sut).toMatchObject(expected);
  });
});
