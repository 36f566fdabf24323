import { BUREAU_SEED } from '#libs/auth';
import { addDays, localDateOf } from '#libs/clock';
import { SeededRandom, usccCheckCharacter, type LeadChannel } from '#libs/domain';

/** An operator the credit service seeded first, so leads and cases land on its credit page. */
export interface DemoOperator {
  uscc: string;
  name: string;
  kind?: string;
  bureau: string;
  platform?: string | null;
  storeUrl?: string;
}

/** The Yancheng district bureaus (the city bureau itself takes a smaller share). */
export const DEMO_DISTRICTS = BUREAU_SEED.filter((b) => b.parent === '320900').map((b) => b.code);

/**
 * How diligent each bureau is: most decide almost everything in time, two lag behind, so the
 * dashboard shows some bureaus missing a threshold.
 */
export function bureauLateRate(bureau: string): number {
  if (bureau === '320921') return 0.12;
  if (bureau === '320972') return 0.09;
  return 0.005;
}

/** Channel shares of a year's online-market leads. */
export const CHANNEL_WEIGHTS: [LeadChannel, number][] = [
  ['report', 30],
  ['platform_monitoring', 22],
  ['inspection', 14],
  ['assigned', 9],
  ['supervised', 8],
  ['transfer_in', 7],
  ['complaint', 10],
];

export const PRODUCTS = ['运动鞋', '保健食品', '化妆品', '儿童玩具', '电动自行车蓄电池', '东台西瓜', '射阳大米', '羽绒服', '手机充电器', '预包装茶叶', '婴幼儿配方奶粉', '白酒'];

/** Behaviours; `%s` is the product. */
export const BEHAVIOURS = [
  '网店涉嫌销售假冒注册商标的%s',
  '直播间宣传%s功效与实际不符',
  '网店销售的%s未标明价格',
  '销售抽检不合格的%s',
  '组织刷单炒信提升%s销量',
  '网店首页未公示营业执照信息（主营%s）',
  '以“全网最低价”虚假促销%s',
  '无证经营%s',
];

export const TRANSFER_IN_SOURCES = ['江苏省市场监督管理局', '苏州市市场监督管理局', '上海市浦东新区市场监督管理局', '南京市公安局', '连云港市市场监督管理局'];
export const DEPARTMENTS = ['盐城市农业农村局', '盐城市文化广电和旅游局', '国家税务总局盐城市税务局'];
export const NO_CASE_REASONS = ['经核查，违法事实不成立', '证据不足，无法认定违法行为', '违法行为轻微并及时改正，没有造成危害后果', '当事人已注销，无法立案'];
export const EXTENSION_REASONS = ['案情复杂，需调取平台交易数据', '涉及多个平台店铺，需协查取证', '当事人下落不明，需进一步核实'];
export const REPORTERS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '周敏'];
const SHOP_WORDS = ['优品', '鲜达', '惠民', '海盐', '麋鹿', '丹顶鹤', '黄海', '新洋'];
const TRADES = ['电子商务', '商贸', '食品', '服饰', '母婴用品', '数码科技'];
export const PLATFORMS = ['淘宝', '京东', '拼多多', '抖音', '快手', '美团'];

/** Operators for a seed run without the credit service's list: valid USCCs, registered in the lead's bureau. */
export function fallbackOperators(random: SeededRandom): DemoOperator[] {
  return DEMO_DISTRICTS.flatMap((bureau, b) =>
    [0, 1, 2].map((n) => {
      const first17 = `91${bureau}MA${String(b * 10 + n).padStart(2, '0')}${String(random.below(100000)).padStart(5, '0')}`;
      return {
        uscc: first17 + usccCheckCharacter(first17),
        name: `盐城市${SHOP_WORDS[random.below(SHOP_WORDS.length)]}${TRADES[random.below(TRADES.length)]}有限公司`,
        bureau,
        platform: PLATFORMS[random.below(PLATFORMS.length)]!,
      };
    }),
  );
}

export function pick<T>(random: SeededRandom, list: readonly T[]): T {
  return list[random.below(list.length)]!;
}

export function weighted<T>(random: SeededRandom, table: readonly [T, number][]): T {
  let roll = random.next() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of table) if ((roll -= w) < 0) return value;
  return table.at(-1)![0];
}

/** A day between `from` and `to` (both included). */
export function dayBetween(random: SeededRandom, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, random.below(span + 1));
}

/** Officers work Monday to Friday: a weekend day moves to the Monday after. */
export function weekday(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(date, 2) : dow === 0 ? addDays(date, 1) : date;
}

/** An office-hours instant in Asia/Shanghai on that date. */
export function officeTime(random: SeededRandom, date: string): string {
  return `${date}T${String(9 + random.below(8)).padStart(2, '0')}:${String(random.below(60)).padStart(2, '0')}:00+08:00`;
}

export const dayOf = (instant: Date): string => localDateOf(instant);
