import { describe, expect, it } from '@jest/globals';
import { checkScorecardEntry, computeScorecard, SCORECARD_GROUPS, SCORECARD_ITEMS, ValidationError, type IndicatorCode, type ScorecardEntry } from '#libs/domain';

const entry = (code: string, score: number): [string, ScorecardEntry] => [code, { code, score, source: '创建对象提供', enteredBy: 'admin', enteredAt: '2026-05-01T00:00:00Z' }];

describe('scorecard catalogue', () => {
  it('has 41 items summing to 100 points, each item equal to its parts and each group to its items', () => {
    expect(SCORECARD_ITEMS.map((i) => i.no)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(SCORECARD_ITEMS.reduce((s, i) => s + i.points, 0)).toBe(100);
    for (const item of SCORECARD_ITEMS) expect(item.parts.reduce((s, p) => s + p.points, 0)).toBe(item.points);
    for (const g of SCORECARD_GROUPS) {
      expect(SCORECARD_ITEMS.filter((i) => i.level1 === g.name).reduce((s, i) => s + i.points, 0)).toBe(g.points);
      for (const l2 of g.level2) expect(SCORECARD_ITEMS.filter((i) => i.level2 === l2.name).reduce((s, i) => s + i.points, 0)).toBe(l2.points);
    }
    expect(SCORECARD_ITEMS[16].name).toBe('严厉查处涉网违法案件。');
  });
});

describe(computeScorecard.name, () => {
  const allMet = new Map<IndicatorCode, boolean>(SCORECARD_ITEMS.flatMap((i) => i.parts.flatMap((p) => (p.live ?? []).map((c) => [c, true] as const))));
  const manualFull = new Map(SCORECARD_ITEMS.flatMap((i) => i.parts.filter((p) => !p.live).map((p) => entry(p.code, p.points))));

  it('scores 100 when every part is full', () => {
    const sut = computeScorecard(allMet, manualFull);
    expect([sut.total, sut.pass, sut.whatIf]).toEqual([100, true, []]);
  });

  it('a live part scores only when all its indicators are met (17.2 needs 17.2a and 17.2b)', () => {
    const met = new Map(allMet).set('17.2b', false);
    const sut = computeScorecard(met, manualFull);
    expect(sut.items[16].score).toBe(2);
    expect(sut.total).toBe(99);
    expect(sut.whatIf[0]).toMatchObject({ code: '17.2', gain: 1, totalAfter: 100, passAfter: true });
  });

  it('fails a level-1 group below 75 % even with a passing total, and what-if ranks by gain', () => {
    // 探索创新 (20): dropping items 28, 29 (3 each) → 14/20 = 70 %; total 94.
    const entries = new Map(manualFull);
    entries.set('28', { ...entries.get('28')!, score: 0 });
    entries.set('29', { ...entries.get('29')!, score: 0 });
    const sut = computeScorecard(allMet, entries);
    expect(sut.total).toBe(94);
    expect(sut.totalPass).toBe(true);
    expect(sut.groups.find((g) => g.name === '探索创新')).toMatchObject({ score: 14, rate: 70, pass: false });
    expect(sut.pass).toBe(false);
    expect(sut.whatIf.map((w) => [w.code, w.gain, w.passAfter])).toEqual([
      ['28', 3, true],
      ['29', 3, true],
    ]);
  });
});

describe(checkScorecardEntry.name, () => {
  it.each([
    ['17.3', 1, true],
    ['10', 2, true],
    ['10', 2.5, false],
    ['17.1', 1, false],
    ['99', 1, false],
    ['12', -1, false],
  ])('%s scored %d → accepted %s', (code, score, ok) => {
    if (ok) expect(checkScorecardEntry(code, score).code).toBe(code);
    else expect(() => checkScorecardEntry(code, score)).toThrow(ValidationError);
  });
});
