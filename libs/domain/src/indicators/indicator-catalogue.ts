/**
 * The indicators of domain.md §7 that this suite computes from its own records (seed annex 2,
 * items 17, 18, 19, 25 and 26). Two-figure items get a letter: 18.1a 维持率 / 18.1b 胜诉率,
 * 26a ODR 按时办结率 / 26b ODR 和解成功率.
 */
export const INDICATOR_CODES = ['17.1', '17.2a', '17.2b', '19.1', '19.2', '25.1', '25.2', '25.3', '25.4', '26a', '26b', '18.1a', '18.1b', '18.2'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/**
 * How one item is judged:
 * - `timeliness`: done by its due date (on_time), after it (late), or still open past it (missing);
 * - `completion`: done at all (on_time) or still open past its due date (missing);
 * - `outcome`: a concluded item whose result is favourable (on_time) or not (missing);
 * - `count`: like outcome, but the figure is the number of unfavourable items (18.2).
 */
export type IndicatorMeasure = 'timeliness' | 'completion' | 'outcome' | 'count';

export const COMPARATORS = ['>', '>=', '=', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export interface IndicatorDefinition {
  code: IndicatorCode;
  /** Name as in annex 2. */
  name: string;
  measure: IndicatorMeasure;
  recordKind: 'lead' | 'case' | 'complaint';
  /** What places an item in a period (shown next to the figure). */
  counted: string;
  /** Default threshold in percent (a count for `count`); null = the national reference rate. */
  threshold: number | null;
  /** The table says 大于 (strictly greater) for every rate. */
  comparator: Comparator;
  /** The threshold is the national rate (全国平均) once an admin enters it. */
  nationalReference: boolean;
}

const rate = (d: Omit<IndicatorDefinition, 'comparator' | 'nationalReference'> & { nationalReference?: boolean }): IndicatorDefinition => ({
  comparator: '>',
  nationalReference: false,
  ...d,
});

export const INDICATORS: readonly IndicatorDefinition[] = [
  rate({ code: '17.1', name: '涉网违法案件线索举报按时核查率', measure: 'timeliness', recordKind: 'lead', counted: '举报线索：期限届满或在期内作出核查决定', threshold: 95 }),
  rate({ code: '17.2a', name: '上级交办、督办线索处置及时率', measure: 'timeliness', recordKind: 'lead', counted: '交办/督办线索：期限届满在期内（按期反馈）', threshold: 90 }),
  rate({ code: '17.2b', name: '上级交办、督办线索完成率', measure: 'completion', recordKind: 'lead', counted: '交办/督办线索：期内收到（已反馈为完成）', threshold: 90 }),
  rate({ code: '19.1', name: '平台分发监测信息核查及时率', measure: 'timeliness', recordKind: 'lead', counted: '平台分发监测信息：期限届满在期内', threshold: 90 }),
  rate({ code: '19.2', name: '平台分发监测信息核查完成率', measure: 'completion', recordKind: 'lead', counted: '平台分发监测信息：期内分发', threshold: 90 }),
  rate({ code: '25.1', name: '网络消费投诉按时初查率', measure: 'timeliness', recordKind: 'complaint', counted: '投诉：受理期限（7个工作日）届满在期内', threshold: 95 }),
  rate({ code: '25.2', name: '网络消费投诉按时办结率', measure: 'timeliness', recordKind: 'complaint', counted: '已受理投诉：办结期限（45个工作日）届满在期内', threshold: 95 }),
  rate({ code: '25.3', name: '网络消费调解成功率', measure: 'outcome', recordKind: 'complaint', counted: '期内调解终结的投诉', threshold: null, nationalReference: true }),
  rate({ code: '25.4', name: '消费者满意度', measure: 'outcome', recordKind: 'complaint', counted: '期内办结且已评价的投诉', threshold: null, nationalReference: true }),
  rate({ code: '26a', name: 'ODR 按时办结率', measure: 'timeliness', recordKind: 'complaint', counted: 'ODR 投诉：办结期限届满在期内', threshold: null, nationalReference: true }),
  rate({ code: '26b', name: 'ODR 和解成功率', measure: 'outcome', recordKind: 'complaint', counted: '期内办结的 ODR 投诉', threshold: null, nationalReference: true }),
  rate({ code: '18.1a', name: '涉网案件行政复议维持率', measure: 'outcome', recordKind: 'case', counted: '期内审结的行政复议（维持、驳回为有利）', threshold: 95 }),
  rate({ code: '18.1b', name: '涉网案件行政诉讼胜诉率', measure: 'outcome', recordKind: 'case', counted: '期内审结的行政诉讼', threshold: 95 }),
  {
    code: '18.2',
    name: '程序违法被撤销或败诉案件数',
    measure: 'count',
    recordKind: 'case',
    counted: '期内审结的复议、诉讼中因程序违法被撤销、确认违法或败诉的',
    threshold: 0,
    comparator: '=',
    nationalReference: false,
  },
];

const BY_CODE = new Map(INDICATORS.map((d) => [d.code, d]));

export function isIndicatorCode(value: unknown): value is IndicatorCode {
  return typeof value === 'string' && BY_CODE.has(value as IndicatorCode);
}

export function indicatorDefinition(code: IndicatorCode): IndicatorDefinition {
  return BY_CODE.get(code)!;
}
