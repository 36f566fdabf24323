import type { DeadlineExplanation, PeriodUnit } from './deadline.types.js';
import type { LocalDate } from './local-date.js';
import { pauseReasonLabel } from './pause-reasons.js';

const UNIT_LABEL: Record<PeriodUnit, string> = { working: '个工作日', calendar: '日' };

/** One zh-CN sentence: "2026-09-28 起算（当日不计入），15个工作日…，期限至 2026-10-23". */
export function summarize(explanation: Omit<DeadlineExplanation, 'summary'>, dueDate: LocalDate, paused: boolean): string {
  const parts = [`${explanation.start} 起算（当日不计入），${explanation.period.length}${UNIT_LABEL[explanation.period.unit]}`];
  const holidays = new Map<string, number>();
  let weekendDays = 0;
  for (const s of explanation.segments) {
    switch (s.kind) {
      case 'extension':
        parts.push(`延长${s.length}${UNIT_LABEL[s.unit]}（${s.approvedBy}批准：${s.reason}）`);
        break;
      case 'skipped':
        if (s.reason === 'holiday') holidays.set(s.name ?? '节假日', (holidays.get(s.name ?? '节假日') ?? 0) + s.days);
        else weekendDays += s.days;
        break;
      case 'pause':
        parts.push(`${s.from}至${s.to}${s.open ? '（中止中）' : ''}因${pauseReasonLabel(s.reason)}中止，${s.notCounted}${UNIT_LABEL[s.unit]}不计入`);
        break;
      case 'final_day_moved':
        parts.push(`届满日 ${s.from} 非工作日，顺延至 ${s.to}`);
        break;
      case 'collective_extension':
        parts.push(`经集体讨论（${s.approvedBy}：${s.reason}）期限定为 ${s.newDueDate}`);
        break;
      default:
        break;
    }
  }
  const skipped = [...holidays].map(([name, days]) => `${name}${days}日`);
  if (weekendDays > 0) skipped.push(`周末${weekendDays}日`);
  if (skipped.length > 0) parts.splice(1, 0, `不计${skipped.join('、')}`);
  let sentence = `${parts.join('，')}，期限至 ${dueDate}`;
  if (paused) sentence += '（中止未结束，恢复后顺延）';
  if (explanation.provisional) sentence += '（暂定：超出已公布的节假日安排）';
  if (explanation.ruleUnconfirmed) sentence += '（适用规则待确认）';
  const rule = explanation.ruleSet;
  if (rule) sentence += `；规则 ${rule.id} v${rule.version}`;
  return sentence;
}
