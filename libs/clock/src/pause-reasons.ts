/** The fixed list of reasons a statutory clock may stop for (不计入期限), with zh-CN labels. */
export const PAUSE_REASONS = {
  testing: '检测',
  inspection: '检验',
  quarantine: '检疫',
  appraisal: '鉴定',
  rights_holder_identification: '权利人辨认或者鉴别',
  suspension: '中止',
  hearing: '听证',
  announcement: '公告',
  refund_order: '责令退还多收价款',
} as const;

export type PauseReason = keyof typeof PAUSE_REASONS;

export function isPauseReason(value: unknown): value is PauseReason {
  return typeof value === 'string' && Object.hasOwn(PAUSE_REASONS, value);
}

/** The zh-CN label of a known reason; any other text is shown as it is. */
export function pauseReasonLabel(reason: string): string {
  return isPauseReason(reason) ? PAUSE_REASONS[reason] : reason;
}
