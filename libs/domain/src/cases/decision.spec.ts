import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../shared/domain-error.js';
import { validatePenalties, validateReview, validateSimplifiedPenalties } from './decision.js';
import { describePenalties, type DecisionResult, type Penalty, type ReviewKind } from './vocabulary.js';

describe(validatePenalties.name, () => {
  it.each<[string, DecisionResult, Penalty[], Penalty[] | string]>([
    ['warning and fine', 'penalty', [{ type: 'warning' }, { type: 'fine', amount: 5000 }], [{ type: 'warning' }, { type: 'fine', amount: 5000 }]],
    ['penalty without items', 'penalty', [], 'PENALTIES_REQUIRED'],
    ['fine without amount', 'penalty', [{ type: 'fine' }], 'AMOUNT_REQUIRED'],
    ['warning with amount', 'penalty', [{ type: 'warning', amount: 1 }], 'AMOUNT_NOT_ALLOWED'],
    ['duplicate type', 'penalty', [{ type: 'warning' }, { type: 'warning' }], 'DUPLICATE_PENALTY'],
    ['no penalty with items', 'no_penalty', [{ type: 'warning' }], 'PENALTIES_NOT_ALLOWED'],
    ['no penalty', 'no_penalty', [], []],
    ['confiscated gains with amount', 'penalty', [{ type: 'confiscation_of_illegal_gains', amount: 1200.5 }], [{ type: 'confiscation_of_illegal_gains', amount: 1200.5 }]],
  ])('%s', (_label, result, penalties, expected) => {
    if (typeof expected === 'string') {
      expect(() => validatePenalties(result, penalties)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ code: expected })] }) as never);
    } else {
      expect(validatePenalties(result, penalties)).toEqual(expected);
    }
  });
});

describe(validateSimplifiedPenalties.name, () => {
  it.each<[string, Penalty[], boolean]>([
    ['warning', [{ type: 'warning' }], true],
    ['fine of 3000', [{ type: 'fine', amount: 3000 }], true],
    ['fine of 3000.01', [{ type: 'fine', amount: 3000.01 }], false],
    ['licence revocation', [{ type: 'license_revocation' }], false],
  ])('%s', (_label, penalties, ok) => {
    const sut = () => validateSimplifiedPenalties(penalties);
    if (ok) expect(sut).not.toThrow();
    else expect(sut).toThrow(ValidationError);
  });
});

describe(validateReview.name, () => {
  it.each<[ReviewKind, string, boolean | undefined, boolean | string]>([
    ['reconsideration', 'upheld', undefined, false],
    ['reconsideration', 'revoked', true, true],
    ['reconsideration', 'confirmed_illegal', false, false],
    ['reconsideration', 'upheld', true, 'PROCEDURAL_NOT_APPLICABLE'],
    ['reconsideration', 'won', undefined, 'OUTCOME_NOT_OF_KIND'],
    ['litigation', 'lost', true, true],
    ['litigation', 'withdrawn', true, 'PROCEDURAL_NOT_APPLICABLE'],
    ['litigation', 'dismissed', undefined, 'OUTCOME_NOT_OF_KIND'],
  ])('%s %s procedural=%s', (kind, outcome, procedural, expected) => {
    if (typeof expected === 'string') {
      expect(() => validateReview(kind, outcome, procedural)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ code: expected })] }) as never);
    } else {
      expect(validateReview(kind, outcome, procedural)).toEqual({ procedural: expected });
    }
  });
});

describe(describePenalties.name, () => {
  it('reads penalties in Chinese with fine amounts', () => {
    expect(describePenalties([{ type: 'fine', amount: 50000 }, { type: 'confiscation_of_illegal_gains' }])).toBe('罚款 50000 元、没收违法所得');
    expect(describePenalties([{ type: 'warning' }])).toBe('警告');
  });
});
