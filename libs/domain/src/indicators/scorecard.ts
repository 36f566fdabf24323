import { ValidationError } from '../shared/domain-error.js';
import type { IndicatorCode } from './indicator-catalogue.js';
import { SCORECARD_GROUPS, SCORECARD_ITEMS } from './scorecard-catalogue.js';
import type { ScorecardEntry, ScorecardItem, ScorecardPart } from './scorecard.types.js';

/** Pass marks of annex 2: total ≥ 85 and each level-1 group's rate ≥ 75 %. */
export const SCORECARD_PASS_TOTAL = 85;
export const SCORECARD_PASS_GROUP_RATE = 75;

export interface ScoredPart {
  code: string;
  label: string;
  points: number;
  score: number | null;
  basis: 'live' | 'entered' | 'not_scored';
  indicators?: { code: IndicatorCode; met: boolean | null }[];
  entry?: ScorecardEntry;
}

export interface ScoredItem extends Omit<ScorecardItem, 'parts'> {
  score: number;
  parts: ScoredPart[];
}

export interface GroupScore {
  name: string;
  points: number;
  score: number;
  /** Percent, two decimals. */
  rate: number;
  pass: boolean;
}

export interface WhatIf {
  code: string;
  label: string;
  item: number;
  gain: number;
  /** Total and pass/fail if this part alone scored full points. */
  totalAfter: number;
  passAfter: boolean;
}

export interface Scorecard {
  items: ScoredItem[];
  groups: GroupScore[];
  total: number;
  points: number;
  totalPass: boolean;
  pass: boolean;
  whatIf: WhatIf[];
}

const PARTS = new Map<string, { item: ScorecardItem; part: ScorecardPart }>(SCORECARD_ITEMS.flatMap((item) => item.parts.map((part) => [part.code, { item, part }] as const)));

/** Validates an admin's entry against the catalogue: a known, not live-fed part, 0 ≤ score ≤ its points. */
export function checkScorecardEntry(code: string, score: number): ScorecardPart {
  const found = PARTS.get(code);
  if (!found) throw ValidationError.field('code', 'unknownItem', `评估指标 ${code} 不存在`);
  if (found.part.live) throw ValidationError.field('code', 'liveItem', `评估指标 ${code} 由系统按实时数据计分，不能手工录入`);
  if (!Number.isFinite(score) || score < 0 || score > found.part.points || Math.round(score * 10) !== score * 10) {
    throw ValidationError.field('score', 'scoreRange', `得分应在 0 到 ${found.part.points} 之间（最多一位小数）`);
  }
  return found.part;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function groupScores(items: ScoredItem[], extra?: { level1: string; gain: number }): GroupScore[] {
  return SCORECARD_GROUPS.map((g) => {
    const score = items.filter((i) => i.level1 === g.name).reduce((s, i) => s + i.score, 0) + (extra?.level1 === g.name ? extra.gain : 0);
    const rate = round((score * 100) / g.points);
    return { name: g.name, points: g.points, score: round(score), rate, pass: rate >= SCORECARD_PASS_GROUP_RATE };
  });
}

/**
 * The 41-item scorecard: live parts score their points when every indicator behind them is met,
 * entered parts take the admin's score, the rest score nothing yet. What-if lists the parts that
 * would lift the total most, and whether that alone would make the whole pass.
 */
export function computeScorecard(met: ReadonlyMap<IndicatorCode, boolean | null>, entries: ReadonlyMap<string, ScorecardEntry>): Scorecard {
  const items: ScoredItem[] = SCORECARD_ITEMS.map(({ parts, ...item }) => {
    const scored = parts.map((part): ScoredPart => {
      const base = { code: part.code, label: part.label, points: part.points };
      if (part.live) {
        const indicators = part.live.map((code) => ({ code, met: met.get(code) ?? null }));
        return { ...base, basis: 'live', indicators, score: indicators.every((i) => i.met === true) ? part.points : 0 };
      }
      const entry = entries.get(part.code);
      return entry ? { ...base, basis: 'entered', score: entry.score, entry } : { ...base, basis: 'not_scored', score: null };
    });
    return { ...item, parts: scored, score: round(scored.reduce((s, p) => s + (p.score ?? 0), 0)) };
  });
  const total = round(items.reduce((s, i) => s + i.score, 0));
  const groups = groupScores(items);
  const totalPass = total >= SCORECARD_PASS_TOTAL;
  const whatIf = items
    .flatMap((item) =>
      item.parts
        .filter((p) => (p.score ?? 0) < p.points)
        .map((p): WhatIf => {
          const gain = round(p.points - (p.score ?? 0));
          const after = groupScores(items, { level1: item.level1, gain });
          const totalAfter = round(total + gain);
          return { code: p.code, label: p.label, item: item.no, gain, totalAfter, passAfter: totalAfter >= SCORECARD_PASS_TOTAL && after.every((g) => g.pass) };
        }),
    )
    .sort((a, b) => b.gain - a.gain || Number(b.passAfter) - Number(a.passAfter) || a.item - b.item);
  return { items, groups, total, points: 100, totalPass, pass: totalPass && groups.every((g) => g.pass), whatIf };
}
