import { describe, expect, it } from '@jest/globals';
import { COMPLAINT_ORDER_121_RULES, COMPLAINT_ORDER_20_RULES, ruleSetFor, WorkCalendar } from '#libs/clock';
import { complaintDeadlines, currentDueDate } from './complaint-clock.js';

const calendar = WorkCalendar.chineseDays();
const order20 = COMPLAINT_ORDER_20_RULES;
const today = '2026-11-27';

describe(complaintDeadlines.name, () => {
  it.each([
    // 春节 02-15..23 skipped, adjusted Saturday 02-14 counted (domain.md §2 example)
    { received: '2026-02-10T10:00:00+08:00', due: '2026-02-26' },
    // 16:30 UTC on 02-09 is already 02-10 in Shanghai
    { received: '2026-02-09T16:30:00Z', due: '2026-02-26' },
    // 国庆 10-01..07 skipped, adjusted Saturday 10-10 counted
    { received: '2026-09-28T09:00:00+08:00', due: '2026-10-13' },
    // forwarded in on 02-12: the receiving bureau's 7 WD end on the adjusted Saturday 02-28
    { received: '2026-02-12T15:00:00+08:00', due: '2026-02-28' },
  ])('acceptance: receipt $received → $due (7 WD)', ({ received, due }) => {
    const sut = complaintDeadlines({ acceptanceStartAt: received, ruleSet: order20, calendar, today });
    expect(sut.acceptance.dueDate).toBe(due);
    expect(sut.acceptance.provisional).toBe(false);
    expect(sut.mediation).toBeUndefined();
  });

  it.each([
    // domain.md §2: accepted 2026-04-30, 45 WD over 劳动节 (with 05-09 worked) and 端午 → 07-07
    { accepted: '2026-04-30T10:00:00+08:00', pauses: [], due: '2026-07-07' },
    // five working days of testing (05-11..05-15) are not counted
    {
      accepted: '2026-04-30T10:00:00+08:00',
      pauses: [{ start: '2026-05-11T09:00:00+08:00', end: '2026-05-15T17:00:00+08:00', reason: 'testing' }],
      due: '2026-07-14',
    },
  ])('mediation: accepted $accepted → $due', ({ accepted, pauses, due }) => {
    const sut = complaintDeadlines({ acceptanceStartAt: '2026-04-28', acceptedAt: accepted, mediationPauses: pauses, ruleSet: order20, calendar, today });
    expect(sut.mediation?.dueDate).toBe(due);
  });

  it('termination notice: mediation ended 2026-09-30 → 7 WD over 国庆 → 2026-10-15', () => {
    const sut = complaintDeadlines({
      acceptanceStartAt: '2026-08-01',
      acceptedAt: '2026-08-03',
      mediationEndedAt: '2026-09-30T11:00:00+08:00',
      ruleSet: order20,
      calendar,
      today,
    });
    expect(sut.terminationNotice?.dueDate).toBe('2026-10-15');
  });

  it('ODR: 7 WD to accept from routing, 45 WD to close from its acceptance', () => {
    const sut = complaintDeadlines({
      acceptanceStartAt: '2026-02-10',
      odrRoutedAt: '2026-02-10T12:00:00+08:00',
      odrAcceptedAt: '2026-04-30T12:00:00+08:00',
      ruleSet: order20,
      calendar,
      today,
    });
    expect(sut.odrAcceptance?.dueDate).toBe('2026-02-26');
    expect(sut.odrClosure?.dueDate).toBe('2026-07-07');
  });

  it('Order 121 records run on Order 20 values and say ruleUnconfirmed until confirmed', () => {
    const rules = ruleSetFor('complaint', '2026-05-06');
    expect(rules.id).toBe(COMPLAINT_ORDER_121_RULES.id);
    const sut = complaintDeadlines({ acceptanceStartAt: '2026-05-06', acceptedAt: '2026-05-07', ruleSet: rules, calendar, today });
    expect(sut.acceptance.ruleUnconfirmed).toBe(true);
    // 05-09 is the adjusted working Saturday for 劳动节
    expect(sut.acceptance.dueDate).toBe('2026-05-14');
    const confirmed = ruleSetFor('complaint', '2026-05-06', [
      { ruleSetId: COMPLAINT_ORDER_121_RULES.id, version: 2, periods: { mediation: { length: 32 } } },
    ]);
    const after = complaintDeadlines({ acceptanceStartAt: '2026-05-06', acceptedAt: '2026-05-07', ruleSet: confirmed, calendar, today });
    expect(after.mediation?.ruleUnconfirmed).toBe(false);
    // 32 WD after 05-07: 05-08, 05-09 (adjusted Saturday), … 06-18 is the 31st, 06-19..21 端午 → 06-22
    expect(after.mediation?.dueDate).toBe('2026-06-22');
  });
});

describe(currentDueDate.name, () => {
  const d = complaintDeadlines({
    acceptanceStartAt: '2026-02-10',
    acceptedAt: '2026-04-30',
    mediationEndedAt: '2026-09-30',
    ruleSet: order20,
    calendar,
    today,
  });
  it.each([
    { status: 'received', due: '2026-02-26' },
    { status: 'mediating', due: '2026-07-07' },
    { status: 'paused', due: '2026-07-07' },
    { status: 'mediation_ended', due: '2026-10-15' },
    { status: 'closed', due: undefined },
    { status: 'rejected', due: undefined },
  ] as const)('$status → $due', ({ status, due }) => {
    expect(currentDueDate(status, d)).toBe(due);
  });
});
