import { describe, expect, it } from '@jest/globals';
import { isLightPenalty, penaltyKindOf, publicationEnd, reviewRevokesDecision } from '#libs/domain';

const THRESHOLD = 10_000;

describe(isLightPenalty.name, () => {
  it.each([
    [[{ type: 'warning' }], true],
    [[{ type: '警告' }, { type: 'fine', amount: 9_999 }], true],
    [[{ type: 'fine', amount: 10_000 }], false], // at the threshold is no longer "lower-amount"
    [[{ type: 'fine' }], false], // a fine without an amount cannot be shown to be light
    [[{ type: 'warning' }, { type: 'confiscation_of_illegal_gains' }], false],
    [[{ type: 'license_revocation' }], false],
    [[], false],
  ])('%j → %s', (penalties, expected) => {
    expect(isLightPenalty(penalties, THRESHOLD)).toBe(expected);
  });
});

describe(publicationEnd.name, () => {
  it.each([
    ['2026-01-15', true, '2026-04-15'],
    ['2026-01-15', false, '2029-01-15'],
    ['2026-11-30', true, '2027-02-28'], // clamped to the month's end
  ])('decided %s light=%s → published until %s', (decided, light, end) => {
    expect(publicationEnd(decided, light)).toBe(end);
  });
});

describe(penaltyKindOf.name, () => {
  it.each([
    ['suspension_of_business', 'suspension'],
    ['吊销许可证照', 'license_revocation'],
    ['something_else', 'other'],
  ])('%s → %s', (type, kind) => {
    expect(penaltyKindOf(type)).toBe(kind);
  });
});

describe(reviewRevokesDecision.name, () => {
  it.each<['reconsideration' | 'litigation', string, boolean]>([
    ['reconsideration', 'revoked', true],
    ['reconsideration', 'altered', false],
    ['reconsideration', 'confirmed_illegal', false],
    ['reconsideration', 'upheld', false],
    ['reconsideration', 'dismissed', false],
    ['reconsideration', 'terminated', false],
    ['litigation', 'lost', false],
    ['litigation', 'won', false],
    ['litigation', 'withdrawn', false],
  ])('%s %s → %s', (kind, outcome, expected) => {
    expect(reviewRevokesDecision(kind, outcome)).toBe(expected);
  });
});
