/**
 * Grounds for 不予受理 (市场监督管理投诉举报处理暂行办法 第十五条), a fixed list so indicator
 * 25 can be broken down by reason.
 */
export const REFUSAL_REASONS = {
  not_market_regulation_duty: '不属于市场监督管理部门职责',
  no_jurisdiction: '本行政机关不具有处理权限',
  already_handled: '法院、仲裁机构、其他行政部门或调解组织已受理或处理过同一争议',
  in_litigation: '同一争议已进入诉讼或仲裁程序',
  not_consumer_dispute: '非为生活消费需要或不能证明存在消费者权益争议',
  beyond_limitation: '知道或应当知道权益受侵害之日起超过三年',
  no_specific_claim: '无明确的被投诉人、具体投诉请求或事实理由',
  incomplete_materials: '未提供规定的材料',
  other_statutory: '法律、法规、规章规定不予受理的其他情形',
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && Object.hasOwn(REFUSAL_REASONS, value);
}
