import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SUPERVISION_POLICY, ValidationError, validateSupervisionPolicy, type SupervisionPolicy } from '#libs/domain';

describe(validateSupervisionPolicy.name, () => {
  it('accepts the defaults (A 3 %, D 80 %)', () => {
    expect(validateSupervisionPolicy(DEFAULT_SUPERVISION_POLICY)).toBe(DEFAULT_SUPERVISION_POLICY);
    expect(DEFAULT_SUPERVISION_POLICY.A.samplingRatio).toBeLessThanOrEqual(0.03);
    expect(DEFAULT_SUPERVISION_POLICY.D.samplingRatio).toBeGreaterThanOrEqual(0.8);
  });

  it.each<[string, Partial<SupervisionPolicy>, string]>([
    ['ratio above 1', { D: { samplingRatio: 1.2, checksPerYear: 4 } }, 'D.samplingRatio'],
    ['riskier grade sampled less', { C: { samplingRatio: 0.04, checksPerYear: 2 } }, 'C.samplingRatio'],
    ['fractional frequency', { B: { samplingRatio: 0.05, checksPerYear: 1.5 } }, 'B.checksPerYear'],
  ])('refuses %s', (_label, change, field) => {
    const act = () => validateSupervisionPolicy({ ...DEFAULT_SUPERVISION_POLICY, ...change });
    expect(act).toThrow(ValidationError);
    try {
      act();
    } catch (e) {
      expect((e as ValidationError).details[0]?.field).toBe(field);
    }
  });
});
