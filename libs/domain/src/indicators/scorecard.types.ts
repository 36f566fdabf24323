import type { IndicatorCode } from './indicator-catalogue.js';

/** A scored sub-point of an annex-2 item; `live` ones score when all their indicators are met. */
export interface ScorecardPart {
  code: string;
  label: string;
  points: number;
  live?: readonly IndicatorCode[];
}

export interface ScorecardItem {
  no: number;
  level1: string;
  level2: string;
  /** 变量性质: 定量 / 定性 / 定量+定性. */
  nature: string;
  name: string;
  points: number;
  /** 指标说明及打分标准. */
  criteria: string;
  /** 评估方式及数据或资料来源. */
  assessment: string;
  parts: readonly ScorecardPart[];
}

/** An admin's score for a part that is not computed here, with where it comes from. */
export interface ScorecardEntry {
  code: string;
  score: number;
  source: string;
  evidence?: string | null;
  enteredBy: string;
  enteredAt: string;
}
