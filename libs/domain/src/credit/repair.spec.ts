import { describe, expect, it } from '@jest/globals';
import { repairEligibility, type RepairContext } from '#libs/domain';

function ctx(overrides: Partial<RepairContext> = {}): RepairContext {
  return { penalties: [{ type: 'fine', amount: 50_000 }], sector: 'general', openSeriousDishonesty: [], approvedRepairDates: [], requestDate: '2026-07-15', ...overrides };
}

describe(repairEligibility.name, () => {
  const decided = '2026-01-15';
  const end = '2029-01-15';

  it.each([
    ['general, exactly 6 months', ctx(), { allowed: true, earliestDate: '2026-07-15' }],
    ['general, one day short', ctx({ requestDate: '2026-07-14' }), { allowed: false, reason: 'MIN_PERIOD_NOT_PASSED', earliestDate: '2026-07-15' }],
    ['food needs 12 months', ctx({ sector: 'food' }), { allowed: false, reason: 'MIN_PERIOD_NOT_PASSED', earliestDate: '2027-01-15' }],
    ['special equipment at 12 months', ctx({ sector: 'special_equipment', requestDate: '2027-01-15' }), { allowed: true, earliestDate: '2027-01-15' }],
    ['publication already over', ctx({ requestDate: '2029-01-15' }), { allowed: false, reason: 'PUBLICATION_ENDED', publicationEnd: end }],
  ])('%s', (_label, context, expected) => {
    expect(repairEligibility(decided, end, context)).toEqual(expected);
  });

  it.each([
    ['LICENSE_REVOKED', ctx({ penalties: [{ type: 'license_revocation' }] })],
    ['SENSITIVE_SECTOR_SUSPENSION', ctx({ sector: 'drug', requestDate: '2027-02-01', penalties: [{ type: 'suspension_of_business' }] })],
    ['LIFE_HEALTH_DISHONESTY', ctx({ openSeriousDishonesty: ['life_health'] })],
    ['REPAIRED_WITHIN_YEAR', ctx({ approvedRepairDates: ['2025-08-01'] })],
  ])('never for %s', (code, context) => {
    const result = repairEligibility(decided, end, context);
    expect(result).toMatchObject({ allowed: false, reason: 'EXCLUDED' });
    expect(result.allowed === false && result.reason === 'EXCLUDED' && result.exclusions.map((e) => e.code)).toEqual([code]);
  });

  it('a suspension outside the sensitive sectors is repairable', () => {
    expect(repairEligibility(decided, end, ctx({ penalties: [{ type: 'suspension_of_business' }] })).allowed).toBe(true);
  });
});
