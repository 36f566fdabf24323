import { describe, expect, it } from '@jest/globals';
import { computeDeadline } from './deadline.js';
import {
  COMPLAINT_ORDER_20_RULES,
  periodOf,
  ruleSetById,
  ruleSetFor,
  type ConfirmedRuleValues,
} from './rule-sets.js';
import { WorkCalendar } from './work-calendar.js';

/** Hypothetical admin confirmation of Order 121 (values for the test only). */
const ORDER_121_CONFIRMED: ConfirmedRuleValues = {
  ruleSetId: 'complaint-order-121',
  version: 2,
  confirmedBy: 'admin-1',
  confirmedAt: '2026-06-01T09:00:00+08:00',
  periods: { mediation: { length: 30 }, reporterNotice: { length: 3 } },
};

describe(ruleSetFor.name, () => {
  it.each([
    ['penalty', '2026-09-28', 'penalty-procedure', 1, false],
    ['complaint', '2026-04-14', 'complaint-order-20', 1, false],
    ['complaint', '2026-04-14T23:59:00+08:00', 'complaint-order-20', 1, false],
    ['complaint', '2026-04-14T16:00:00Z', 'complaint-order-121', 1, true],
    ['complaint', '2026-04-15', 'complaint-order-121', 1, true],
  ] as const)('%s received %s → %s v%i, unconfirmed %p', (domain, received, id, version, unconfirmed) => {
    const sut = ruleSetFor(domain, received);
    expect(sut).toMatchObject({ id, version, unconfirmed });
  });

  it.each([
    ['leadVerification', { length: 15, unit: 'working', extension: { length: 15, unit: 'working', max: 1 } }],
    ['caseDisposition', { length: 90, unit: 'calendar', extension: { length: 30, unit: 'calendar', max: 1, collectiveBeyond: true } }],
    ['hearingRequest', { length: 5, unit: 'working' }],
    ['reporterNotice', { length: 5, unit: 'working' }],
    ['policeTransferApproval', { length: 3, unit: 'calendar' }],
    ['jurisdictionConsultation', { length: 7, unit: 'working' }],
  ] as const)('penalty %s', (key, expected) => {
    expect(ruleSetFor('penalty', '2026-09-28').periods[key]).toMatchObject(expected);
  });

  it('excludes the statutory pause reasons from the case period', () => {
    const { caseDisposition, leadVerification } = ruleSetFor('penalty', '2026-09-28').periods;
    expect(leadVerification.excludedReasons).toEqual(['testing', 'inspection', 'quarantine', 'appraisal', 'rights_holder_identification']);
    expect(caseDisposition.excludedReasons).toEqual(expect.arrayContaining(['suspension', 'hearing', 'announcement', 'refund_order']));
  });

  it.each([
    ['acceptance', 7],
    ['mediation', 45],
    ['mediationTerminationNotice', 7],
    ['reporterNotice', 5],
  ] as const)('Order 20 %s is %i WD, and unconfirmed Order 121 borrows it', (key, length) => {
    expect(ruleSetFor('complaint', '2026-02-10').periods[key]).toMatchObject({ length, unit: 'working' });
    expect(ruleSetFor('complaint', '2026-05-01').periods[key]).toMatchObject({ length, unit: 'working' });
  });

  it('says where unconfirmed values come from', () => {
    expect(ruleSetFor('complaint', '2026-05-01')).toMatchObject({ valuesFrom: COMPLAINT_ORDER_20_RULES.id, effectiveFrom: '2026-04-15' });
  });

  it('applies the newest admin confirmation as a new, confirmed version', () => {
    const sut = ruleSetFor('complaint', '2026-05-01', [ORDER_121_CONFIRMED]);
    expect(sut).toMatchObject({ id: 'complaint-order-121', version: 2, unconfirmed: false, confirmedBy: 'admin-1', confirmedAt: '2026-06-01' });
    expect(sut).not.toHaveProperty('valuesFrom');
    expect(sut.periods.mediation).toMatchObject({ length: 30, unit: 'working' });
    expect(sut.periods.acceptance).toMatchObject({ length: 7, unit: 'working' });
  });

  it('does not let an Order 121 confirmation touch Order 20 items', () => {
    expect(ruleSetFor('complaint', '2026-04-14', [ORDER_121_CONFIRMED]).periods.mediation.length).toBe(45);
  });

  it('has no rule set before the first one took effect', () => {
    expect(() => ruleSetFor('complaint', '2019-12-31')).toThrow(expect.objectContaining({ code: 'NO_RULE_SET' }));
  });

  it('refuses a confirmation of a period the rule set does not have', () => {
    const bad: ConfirmedRuleValues = { ruleSetId: 'complaint-order-121', version: 2, periods: { caseDisposition: { length: 1 } } };
    expect(() => ruleSetFor('complaint', '2026-05-01', [bad])).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
});

describe(ruleSetById.name, () => {
  it('reloads exactly the version a record started under', () => {
    expect(ruleSetById('complaint-order-121', 1, [ORDER_121_CONFIRMED])).toMatchObject({ version: 1, unconfirmed: true });
    expect(ruleSetById('complaint-order-121', 2, [ORDER_121_CONFIRMED]).periods).toMatchObject({ mediation: { length: 30 } });
  });

  it.each([
    ['unknown-rules', 1],
    ['complaint-order-121', 3],
  ])('refuses %s v%i', (id, version) => {
    expect(() => ruleSetById(id, version, [ORDER_121_CONFIRMED])).toThrow(expect.objectContaining({ code: 'NO_RULE_SET' }));
  });
});

describe(periodOf.name, () => {
  const calendar = WorkCalendar.chineseDays();

  it.each([
    ['lead received 2026-09-28, verification', '2026-09-28', 'leadVerification', '2026-10-23'],
    ['case filed 2026-07-03, disposition', '2026-07-03', 'caseDisposition', '2026-10-08'],
  ] as const)('penalty: %s → %s', (_case, start, key, dueDate) => {
    const ruleSet = ruleSetFor('penalty', start);
    const sut = computeDeadline({ start, period: periodOf(ruleSet, key), calendar, ruleSet });
    expect(sut).toMatchObject({ dueDate, ruleUnconfirmed: false });
    expect(sut.explanation.ruleSet).toEqual({ id: 'penalty-procedure', version: 1, unconfirmed: false });
  });

  it.each([
    ['complaint received 2026-02-10 (Order 20), acceptance', '2026-02-10', 'acceptance', '2026-02-26', false],
    ['complaint accepted 2026-04-30 (Order 121, unconfirmed), mediation', '2026-04-30', 'mediation', '2026-07-07', true],
  ] as const)('complaint: %s → %s', (_case, start, key, dueDate, ruleUnconfirmed) => {
    const ruleSet = ruleSetFor('complaint', start);
    const sut = computeDeadline({ start, period: periodOf(ruleSet, key), calendar, ruleSet });
    expect(sut).toMatchObject({ dueDate, ruleUnconfirmed });
    expect(sut.explanation.ruleSet).toEqual({ id: ruleSet.id, version: ruleSet.version, unconfirmed: ruleUnconfirmed });
  });
});
