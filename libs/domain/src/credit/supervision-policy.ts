import { ValidationError } from '../shared/domain-error.js';
import { GRADES, type Grade } from './grade.js';

/** Spot-check treatment of one grade: share of operators drawn per campaign and campaigns per year. */
export interface GradeTreatment {
  /** 0..1 */
  samplingRatio: number;
  checksPerYear: number;
}

export type SupervisionPolicy = Record<Grade, GradeTreatment>;

/**
 * Defaults after Yancheng's published example (A ≤ 3 %, D ≥ 80 %); B and C sit between at
 * 5 % and 20 %, the ratios used by Jiangsu's 双随机 guidance for ordinary and higher-risk
 * operators. A bureau sets its own with PUT /inspections/policies/:bureau.
 */
export const DEFAULT_SUPERVISION_POLICY: SupervisionPolicy = {
  A: { samplingRatio: 0.03, checksPerYear: 1 },
  B: { samplingRatio: 0.05, checksPerYear: 1 },
  C: { samplingRatio: 0.2, checksPerYear: 2 },
  D: { samplingRatio: 0.8, checksPerYear: 4 },
};

/** Ratios within 0..1 and never lower for a riskier grade (A lowest, D highest, domain.md §6). */
export function validateSupervisionPolicy(policy: SupervisionPolicy): SupervisionPolicy {
  for (const g of GRADES) {
    const t = policy[g];
    if (!t || !(t.samplingRatio >= 0 && t.samplingRatio <= 1)) {
      throw ValidationError.field(`${g}.samplingRatio`, 'RATIO_OUT_OF_RANGE', `${g} 级抽查比例必须在 0 到 1 之间`);
    }
    if (!Number.isInteger(t.checksPerYear) || t.checksPerYear < 0 || t.checksPerYear > 52) {
      throw ValidationError.field(`${g}.checksPerYear`, 'FREQUENCY_OUT_OF_RANGE', `${g} 级年度抽查次数必须是 0 到 52 的整数`);
    }
  }
  for (let i = 1; i < GRADES.length; i++) {
    const lower = GRADES[i - 1]!;
    const higher = GRADES[i]!;
    if (policy[higher].samplingRatio < policy[lower].samplingRatio) {
      throw ValidationError.field(`${higher}.samplingRatio`, 'RATIO_NOT_ASCENDING', `${higher} 级抽查比例不得低于 ${lower} 级`);
    }
  }
  return policy;
}
