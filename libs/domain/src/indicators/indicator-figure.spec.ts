import { describe, expect, it } from '@jest/globals';
import { evaluateIndicator, indicatorDefinition, type Comparator, type IndicatorSettings } from '#libs/domain';

const settings = (threshold: number | null, comparator: Comparator = '>', extra: Partial<IndicatorSettings> = {}): IndicatorSettings => ({
  threshold,
  comparator,
  minimumSample: 5,
  nationalRate: null,
  ...extra,
});
const counts = (onTime: number, late: number, missing = 0) => ({ onTime, late, missing });

describe(evaluateIndicator.name, () => {
  it.each<[string, number, number, number, Comparator, number | null, boolean | null, number | null, number | null]>([
    // label, onTime, late, threshold, comparator, value, met, lateBudget, onTimeNeeded
    ['95/100 is not > 95 % (strict)', 95, 5, 95, '>', 95, false, 0, 1],
    ['95/100 meets ≥ 95 %', 95, 5, 95, '>=', 95, true, 0, 0],
    ['96/100 > 95 % absorbs one more late item', 96, 4, 95, '>', 96, true, 1, 0],
    ['96/100 ≥ 95 % absorbs one (96/101)', 96, 4, 95, '>=', 96, true, 1, 0],
    ['19/20 > 90 % absorbs 1 (19/21 = 90.48 %)', 19, 1, 90, '>', 95, true, 1, 0],
    ['18/20 > 90 % fails; 1 more on time (19/21)', 18, 2, 90, '>', 90, false, 0, 1],
    ['no items: value null, met null', 0, 0, 95, '>', null, null, 0, 1],
    ['100 % of 3 > 95 %', 3, 0, 95, '>', 100, true, 0, 0],
    ['2/3 needs 18 more on time for > 95 % (20/21)', 2, 1, 95, '>', 66.67, false, 0, 18],
  ])('%s', (_, onTime, late, threshold, comparator, value, met, budget, needed) => {
    const sut = evaluateIndicator(indicatorDefinition('17.1'), counts(onTime, late), settings(threshold, comparator));
    expect([sut.value, sut.met, sut.lateBudget, sut.onTimeNeeded]).toEqual([value, met, budget, needed]);
  });

  it('checks the needed on-time items really are the minimum', () => {
    // 2 + j on time of 3 + j: j = 18 gives 20/21 = 95.24 % > 95 %; j = 17 gives 19/20 = 95 %, not > 95 %.
    expect((2 + 18) / (3 + 18)).toBeGreaterThan(0.95);
    expect((2 + 17) / (3 + 17)).toBeLessThanOrEqual(0.95);
  });

  it('flags a denominator below the minimum sample', () => {
    expect(evaluateIndicator(indicatorDefinition('17.1'), counts(3, 0), settings(95)).belowMinimumSample).toBe(true);
    expect(evaluateIndicator(indicatorDefinition('17.1'), counts(5, 0), settings(95)).belowMinimumSample).toBe(false);
  });

  it('uses the national rate for the indicators compared with it, and judges nothing without one', () => {
    const def = indicatorDefinition('25.3');
    expect(evaluateIndicator(def, counts(7, 0, 3), settings(null)).met).toBeNull();
    expect(evaluateIndicator(def, counts(7, 0, 3), settings(null, '>', { nationalRate: 65.5 })).met).toBe(true);
    expect(evaluateIndicator(def, counts(7, 0, 3), settings(null, '>', { nationalRate: 70 })).met).toBe(false);
  });

  it.each([
    [0, true],
    [1, false],
  ])('18.2 with %i procedural losses: met %s', (losses, met) => {
    const sut = evaluateIndicator(indicatorDefinition('18.2'), counts(4, 0, losses), settings(0, '='));
    expect([sut.value, sut.numerator, sut.met]).toEqual([losses, losses, met]);
  });
});
