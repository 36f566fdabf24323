import { ValidationError } from '../shared/domain-error.js';
import { GRADES, type Grade } from './grade.js';
import { SeededRandom } from './seeded-random.js';
import type { SupervisionPolicy } from './supervision-policy.js';

export interface DrawCandidate {
  uscc: string;
  name: string;
  grade: Grade;
}

export interface DrawnOperator extends DrawCandidate {
  inspectors: [string, string];
}

export interface DrawResult {
  seed: string;
  perGrade: Record<Grade, { population: number; ratio: number; drawn: number }>;
  items: DrawnOperator[];
}

/** Operators drawn from a grade of `population` at `ratio`: rounded half up (100 × 3 % = 3). */
export function drawCount(population: number, ratio: number): number {
  return Math.min(population, Math.round(population * ratio + 1e-9));
}

/**
 * 双随机: randomly picks operators per grade at the policy's ratio, then two distinct
 * inspectors for each. Inputs are sorted first so the result depends only on the seed and
 * the sets, not on the order a database returned them in.
 */
export function drawInspection(candidates: readonly DrawCandidate[], inspectors: readonly string[], policy: SupervisionPolicy, seed: string): DrawResult {
  const pool = [...new Set(inspectors)].sort();
  if (pool.length < 2) {
    throw ValidationError.field('bureau', 'TOO_FEW_INSPECTORS', '双随机抽查需要本局至少两名执法人员');
  }
  const random = new SeededRandom(seed);
  const sorted = [...candidates].sort((a, b) => a.uscc.localeCompare(b.uscc));
  const perGrade = {} as DrawResult['perGrade'];
  const items: DrawnOperator[] = [];
  for (const grade of GRADES) {
    const group = sorted.filter((c) => c.grade === grade);
    const ratio = policy[grade].samplingRatio;
    const count = drawCount(group.length, ratio);
    // Partial Fisher–Yates: the first `count` positions become a uniform random sample.
    for (let i = 0; i < count; i++) {
      const j = i + random.below(group.length - i);
      [group[i], group[j]] = [group[j]!, group[i]!];
    }
    for (const picked of group.slice(0, count)) {
      const first = random.below(pool.length);
      let second = random.below(pool.length - 1);
      if (second >= first) second++;
      items.push({ ...picked, inspectors: [pool[first]!, pool[second]!] });
    }
    perGrade[grade] = { population: group.length, ratio, drawn: count };
  }
  return { seed, perGrade, items };
}
