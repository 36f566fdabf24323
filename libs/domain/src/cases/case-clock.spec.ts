import { describe, expect, it } from '@jest/globals';
import { PENALTY_PROCEDURE_RULES, WorkCalendar, type Extension, type Pause } from '#libs/clock';
import { IllegalTransitionError, ValidationError } from '../shared/domain-error.js';
import {
  assertExtensionAllowed,
  assertPauseAllowed,
  caseDisposition,
  hearingRequestDue,
  jurisdictionConsultationDue,
  reminderFlags,
} from './case-clock.js';

const calendar = WorkCalendar.chineseDays();
const rules = PENALTY_PROCEDURE_RULES;
const standard: Extension = { kind: 'standard', length: 30, reason: '案情复杂', approvedBy: 'sup' };

describe(caseDisposition.name, () => {
  it.each<[string, string, Extension[], Pause[], string]>([
    ['90 days, final day in National Day holiday moves on (domain.md §2)', '2026-07-03', [], [], '2026-10-08'],
    ['90 + 30 days = 120 days after filing, Saturday moves to Monday', '2026-07-03', [standard], [], '2026-11-02'],
    ['a 10-day pause is added back', '2026-07-03', [], [{ start: '2026-07-10', end: '2026-07-19', reason: 'appraisal' }], '2026-10-12'],
    [
      'collective decision sets the date explicitly',
      '2026-07-03',
      [standard, { kind: 'collective', newDueDate: '2026-12-31', reason: '特别复杂', approvedBy: 'sup' }],
      [],
      '2026-12-31',
    ],
  ])('%s', (_label, filedAt, extensions, pauses, expected) => {
    const sut = caseDisposition({ filedAt, ruleSet: rules, extensions, pauses, calendar, today: '2026-12-01' });
    expect(sut.dueDate).toBe(expected);
    expect(sut.explanation.ruleSet?.id).toBe('penalty-procedure');
  });
});

describe(hearingRequestDue.name, () => {
  it.each([
    // National Day: 09-29, 09-30, 10-08, 10-09 and the adjusted Saturday 10-10.
    ['2026-09-28', '2026-10-10'],
    ['2026-03-02', '2026-03-09'],
  ])('notice %s → request by %s (5 working days)', (notice, due) => {
    expect(hearingRequestDue(notice, rules, calendar).dueDate).toBe(due);
  });
});

describe(jurisdictionConsultationDue.name, () => {
  it('7 working days after the dispute', () => {
    expect(jurisdictionConsultationDue('2026-11-02', rules, calendar)).toBe('2026-11-11');
  });
});

describe(reminderFlags.name, () => {
  it.each([
    ['2026-10-08', '2026-09-29', { dueSoon: true, overdue: false }],
    ['2026-10-08', '2026-09-24', { dueSoon: false, overdue: false }],
    ['2026-10-08', '2026-10-08', { dueSoon: true, overdue: false }],
    ['2026-10-08', '2026-10-09', { dueSoon: false, overdue: true }],
  ])('due %s, today %s', (due, today, expected) => {
    expect(reminderFlags(due, today, calendar)).toEqual(expected);
  });
});

describe(assertExtensionAllowed.name, () => {
  it.each<[string, Extension[], { kind: 'standard' | 'collective'; newDueDate?: string }, unknown]>([
    ['first standard extension', [], { kind: 'standard' }, undefined],
    ['second standard extension', [standard], { kind: 'standard' }, IllegalTransitionError],
    ['collective before standard', [], { kind: 'collective', newDueDate: '2027-01-01' }, IllegalTransitionError],
    ['collective after standard', [standard], { kind: 'collective', newDueDate: '2027-01-01' }, undefined],
    ['collective not later than current', [standard], { kind: 'collective', newDueDate: '2026-11-02' }, ValidationError],
  ])('%s', (_label, existing, request, error) => {
    const sut = () => assertExtensionAllowed(rules, existing, request, '2026-11-02', 'filed');
    if (error) expect(sut).toThrow(error as never);
    else expect(sut).not.toThrow();
  });
});

describe(assertPauseAllowed.name, () => {
  const previous: Pause[] = [{ start: '2026-07-10T09:00:00+08:00', end: '2026-07-19T09:00:00+08:00', reason: 'hearing' }];
  it.each([
    ['hearing after filing', 'hearing', '2026-07-05T09:00:00+08:00', [], undefined],
    ['refund order is excluded', 'refund_order', '2026-07-05T09:00:00+08:00', [], undefined],
    ['before filing', 'hearing', '2026-07-01T09:00:00+08:00', [], 'BEFORE_FILING'],
    ['reason not excluded for cases', 'vacation', '2026-07-05T09:00:00+08:00', [], 'REASON_NOT_EXCLUDED'],
    ['overlaps the previous pause', 'testing', '2026-07-15T09:00:00+08:00', previous, 'OVERLAPS_PAUSE'],
  ])('%s', (_label, reason, startedAt, prior, code) => {
    const sut = () => assertPauseAllowed(rules, reason, startedAt, '2026-07-03T10:00:00+08:00', prior);
    if (code) expect(sut).toThrow(expect.objectContaining({ details: [expect.objectContaining({ code })] }) as never);
    else expect(sut).not.toThrow();
  });
});
