import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SUPERVISION_POLICY, SeededRandom, ValidationError, drawCount, drawInspection, type DrawCandidate, type Grade } from '#libs/domain';

function candidates(perGrade: number): DrawCandidate[] {
  return (['A', 'B', 'C', 'D'] as Grade[]).flatMap((grade) =>
    Array.from({ length: perGrade }, (_, i) => ({ uscc: `${grade}${String(i).padStart(3, '0')}`, name: `${grade}-${i}`, grade })),
  );
}
const INSPECTORS = ['li', 'wang', 'zhang', 'zhao'];

describe(drawInspection.name, () => {
  it('draws each grade at its ratio', () => {
    const sut = drawInspection(candidates(100), INSPECTORS, DEFAULT_SUPERVISION_POLICY, 'campaign-2026-1');
    expect(Object.fromEntries(Object.entries(sut.perGrade).map(([g, v]) => [g, v.drawn]))).toEqual({ A: 3, B: 5, C: 20, D: 80 });
    expect(sut.items).toHaveLength(108);
    for (const grade of ['A', 'B', 'C', 'D']) expect(sut.items.filter((i) => i.grade === grade).length).toBe(sut.perGrade[grade as Grade].drawn);
  });

  it('gives the same draw for the same seed, whatever the input order', () => {
    const input = candidates(30);
    const first = drawInspection(input, INSPECTORS, DEFAULT_SUPERVISION_POLICY, 'seed-42');
    const again = drawInspection([...input].reverse(), [...INSPECTORS].reverse(), DEFAULT_SUPERVISION_POLICY, 'seed-42');
    expect(again).toEqual(first);
    const other = drawInspection(input, INSPECTORS, DEFAULT_SUPERVISION_POLICY, 'seed-43');
    expect(other.items.map((i) => i.uscc)).not.toEqual(first.items.map((i) => i.uscc));
  });

  it('assigns two distinct inspectors from the pool to every operator', () => {
    const sut = drawInspection(candidates(50), INSPECTORS, DEFAULT_SUPERVISION_POLICY, 'x');
    for (const item of sut.items) {
      expect(item.inspectors[0]).not.toBe(item.inspectors[1]);
      expect(INSPECTORS).toEqual(expect.arrayContaining(item.inspectors));
    }
    expect(new Set(sut.items.map((i) => i.uscc)).size).toBe(sut.items.length);
  });

  it('needs at least two inspectors', () => {
    expect(() => drawInspection(candidates(5), ['li', 'li'], DEFAULT_SUPERVISION_POLICY, 'x')).toThrow(ValidationError);
  });
});

describe(drawCount.name, () => {
  it.each([
    [100, 0.03, 3],
    [10, 0.8, 8],
    [7, 0.2, 1], // 1.4 rounds to 1
    [3, 0.5, 2], // 1.5 rounds half up
    [0, 0.8, 0],
    [2, 1, 2],
  ])('%d at %d → %d', (n, ratio, expected) => {
    expect(drawCount(n, ratio)).toBe(expected);
  });
});

describe(SeededRandom.name, () => {
  it('repeats its sequence for a seed', () => {
    const a = new SeededRandom('wangjian');
    const b = new SeededRandom('wangjian');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
});
