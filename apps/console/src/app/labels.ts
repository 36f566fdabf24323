import type { Role } from '../api/types';

// zh-CN labels for the codes of domain.md; an unknown code is shown as it is.
export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  complaint_handler: '投诉处理人员',
  supervisor: '监管负责人',
  admin: '系统管理员',
  integration: '外部系统',
};

export const CHANNEL_LABELS: Record<string, string> = {
  platform_monitoring: '平台分发监测信息',
  report: '举报',
  assigned: '上级交办',
  supervised: '上级督办',
  inspection: '监督检查发现',
  transfer_in: '移送移交',
  complaint: '投诉发现',
};

export const COMPLAINT_CHANNEL_LABELS: Record<string, string> = {
  '12315': '12315 平台',
  phone: '电话',
  letter: '信件',
  walk_in: '来访',
  odr: 'ODR 在线纠纷解决',
};

/** Lead and complaint channels together, for indicator breakdowns that mix both. */
export const ANY_CHANNEL_LABELS: Record<string, string> = { ...CHANNEL_LABELS, ...COMPLAINT_CHANNEL_LABELS };

export const LEAD_STATUS_LABELS: Record<string, string> = {
  received: '已登记',
  verifying: '核查中',
  paused: '中止中',
  decided: '已处理',
  reported_back: '已反馈',
};

export const CASE_STATUS_LABELS: Record<string, string> = {
  filed: '已立案',
  paused: '中止中',
  decided: '已决定',
  closed: '已结案',
};

export const COMPLAINT_STATUS_LABELS: Record<string, string> = {
  received: '待受理',
  mediating: '调解中',
  paused: '调解中止',
  mediation_ended: '调解终结待办结',
  rejected: '不予受理',
  closed: '已办结',
  odr_routed: '已转 ODR 企业',
  odr_accepted: 'ODR 企业已受理',
  odr_closed: 'ODR 已办结',
};

/** 不予受理 reasons (《市场监督管理投诉举报处理暂行办法》第十五条); the API accepts only these codes. */
export const REFUSAL_REASON_LABELS: Record<string, string> = {
  not_market_regulation_duty: '不属于市场监督管理部门职责',
  no_jurisdiction: '本行政机关不具有处理权限',
  already_handled: '其他机构已受理或处理过同一争议',
  in_litigation: '同一争议已进入诉讼或仲裁程序',
  not_consumer_dispute: '非生活消费需要或不能证明存在消费者权益争议',
  beyond_limitation: '知道或应当知道权益受侵害之日起超过三年',
  no_specific_claim: '无明确的被投诉人、具体投诉请求或事实理由',
  incomplete_materials: '未提供规定的材料',
  other_statutory: '法律、法规、规章规定不予受理的其他情形',
};

export const OUTCOME_LABELS: Record<string, string> = {
  file_case: '立案',
  no_case: '不予立案',
  transfer: '移送',
  merge: '合并（重复线索）',
};

export const PAUSE_REASON_LABELS: Record<string, string> = {
  testing: '检测',
  inspection: '检验',
  quarantine: '检疫',
  appraisal: '鉴定',
  rights_holder_identification: '权利人辨认或者鉴别',
  suspension: '中止',
  hearing: '听证',
  announcement: '公告',
  refund_order: '责令退还多收价款',
};

/** Pause reasons each clock accepts (domain.md §3, §4). */
export const LEAD_PAUSE_REASONS = ['testing', 'inspection', 'quarantine', 'appraisal', 'rights_holder_identification'];
export const CASE_PAUSE_REASONS = ['suspension', 'hearing', 'announcement', 'testing', 'inspection', 'quarantine', 'appraisal', 'rights_holder_identification', 'refund_order'];

export const CASE_STEP_LABELS: Record<string, string> = {
  notice: '告知',
  statement: '陈述申辩',
  hearing_request: '听证申请',
  hearing: '听证',
  legal_review: '法制审核',
  collective_discussion: '集体讨论',
  delivery: '送达',
  enforcement: '执行',
};

export const CASE_RESULT_LABELS: Record<string, string> = { penalty: '行政处罚', no_penalty: '不予处罚', revoked: '撤销立案' };

export const PENALTY_TYPE_LABELS: Record<string, string> = {
  warning: '警告',
  fine: '罚款',
  confiscation_of_illegal_gains: '没收违法所得',
  confiscation_of_illegal_property: '没收非法财物',
  suspension_of_business: '责令停产停业',
  license_revocation: '吊销许可证照',
};

export const REVIEW_OUTCOMES: Record<string, Record<string, string>> = {
  reconsideration: { upheld: '维持', dismissed: '驳回', revoked: '撤销', altered: '变更', confirmed_illegal: '确认违法', terminated: '终止' },
  litigation: { won: '胜诉（驳回诉讼请求）', lost: '败诉', withdrawn: '撤诉' },
};

export const MEDIATION_RESULT_LABELS: Record<string, string> = {
  settled: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回投诉',
  unreachable: '无法联系',
};

export const SATISFACTION_LABELS: Record<string, string> = { satisfied: '满意', neutral: '基本满意', unsatisfied: '不满意' };

export const EVIDENCE_TYPES: Record<string, string> = {
  web_page: '网页',
  screenshot: '截图',
  video: '视频',
  file: '文件',
  platform_data: '平台数据',
};

export const COMPARATOR_LABELS: Record<string, string> = { '>': '大于', '>=': '不低于', gt: '大于', gte: '不低于', '=': '等于', eq: '等于', '<=': '不高于', lte: '不高于' };

export function label(map: Record<string, string>, code: string | undefined | null): string {
  if (!code) return '—';
  return map[code] ?? code;
}

export function options(map: Record<string, string>, codes: string[] = Object.keys(map)) {
  return codes.map((value) => ({ value, label: map[value] ?? value }));
}
