import { Space, Tag, Tooltip } from 'antd';
import type { Urgency } from '../app/dates';

const COLORS: Record<Urgency, string | undefined> = { overdue: 'red', soon: 'orange', normal: undefined, done: undefined };
const WORDS: Record<Urgency, string | null> = { overdue: '已超期', soon: '即将到期', normal: null, done: null };

/** A due date with its urgency; provisional dates say so (domain.md §2: never silently exact). */
export function DueDate({ date, urgency, provisional, ruleUnconfirmed }: { date?: string; urgency: Urgency; provisional?: boolean; ruleUnconfirmed?: boolean }) {
  if (!date) return <span>—</span>;
  return (
    <Space size={4} wrap>
      <span style={{ color: urgency === 'overdue' ? '#cf1322' : urgency === 'soon' ? '#d46b08' : undefined, fontWeight: urgency === 'overdue' || urgency === 'soon' ? 600 : undefined }}>{date}</span>
      {WORDS[urgency] && <Tag color={COLORS[urgency]}>{WORDS[urgency]}</Tag>}
      {provisional && (
        <Tooltip title="超出已公布的节假日安排，仅按周末推算">
          <Tag>暂定</Tag>
        </Tooltip>
      )}
      {ruleUnconfirmed && (
        <Tooltip title="适用的新规则期限尚待管理员确认，暂按原规则计算">
          <Tag color="gold">规则待确认</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
