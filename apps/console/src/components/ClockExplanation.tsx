import { Alert, Card, Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { get } from '../api/client';
import { label, PAUSE_REASON_LABELS } from '../app/labels';
import { useApi } from '../app/use-api';
import { ErrorAlert } from './ErrorAlert';

type Unit = 'working' | 'calendar';
const UNIT: Record<Unit, string> = { working: '个工作日', calendar: '日' };

interface Segment {
  kind: string;
  date?: string;
  from?: string;
  to?: string;
  count?: number;
  days?: number;
  notCounted?: number;
  unit?: Unit;
  runningTotal?: number;
  reason?: string;
  name?: string;
  open?: boolean;
  length?: number;
  approvedBy?: string;
  after?: string;
  newDueDate?: string;
  replaces?: string;
}

interface Explanation {
  start: string;
  period: { length: number; unit: Unit };
  totalLength?: Partial<Record<Unit, number>>;
  segments: Segment[];
  ruleSet?: { id: string; version: number } | null;
  ruleUnconfirmed?: boolean;
  provisional?: boolean;
  summary?: string;
}

interface ClockAnswer {
  dueDate?: string;
  provisional?: boolean;
  paused?: boolean;
  ruleUnconfirmed?: boolean;
  explanation?: Explanation;
}

const KIND: Record<string, { text: string; color?: string }> = {
  start: { text: '起算', color: 'blue' },
  counted: { text: '计入', color: 'green' },
  skipped: { text: '不计入' },
  pause: { text: '中止', color: 'orange' },
  extension: { text: '延长', color: 'purple' },
  final_day_moved: { text: '顺延', color: 'gold' },
  collective_extension: { text: '集体讨论', color: 'magenta' },
};

function describe(s: Segment): string {
  switch (s.kind) {
    case 'start':
      return `${s.date} 为起算日，当日不计入`;
    case 'counted':
      return `计入 ${s.count}${UNIT[s.unit ?? 'working']}（累计 ${s.runningTotal}）`;
    case 'skipped':
      return s.reason === 'holiday' ? `${s.name ?? '法定节假日'}，${s.days} 日不计入` : `周末 ${s.days} 日不计入`;
    case 'pause':
      return `因${label(PAUSE_REASON_LABELS, s.reason)}中止${s.open ? '（尚未恢复）' : ''}，${s.notCounted}${UNIT[s.unit ?? 'working']}不计入`;
    case 'extension':
      return `经 ${s.approvedBy} 批准延长 ${s.length}${UNIT[s.unit ?? 'working']}：${s.reason}`;
    case 'final_day_moved':
      return `届满日 ${s.from} 非工作日，顺延至 ${s.to}`;
    case 'collective_extension':
      return `经集体讨论（${s.approvedBy}）期限由 ${s.replaces} 改定为 ${s.newDueDate}：${s.reason}`;
    default:
      return s.kind;
  }
}

function range(s: Segment): string {
  if (s.date) return s.date;
  if (s.from && s.to) return s.from === s.to ? s.from : `${s.from} 至 ${s.to}`;
  return s.after ?? s.newDueDate ?? '—';
}

/** The clocks a complaint runs (complaints service `GET /complaints/:id/clock` → `deadlines`). */
const DEADLINE_LABELS: Record<string, string> = {
  acceptance: '受理期限',
  mediation: '调解期限',
  terminationNotice: '终止调解告知期限',
  odrAcceptance: 'ODR 受理期限',
  odrClosure: 'ODR 办结期限',
};

interface Deadline {
  dueDate?: string;
  explanation?: Explanation;
}

function ExplanationBody({ dueDate, explanation }: { dueDate?: string; explanation: Explanation }) {
  return (
    <>
      {explanation.summary && <Alert type="info" title={explanation.summary} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 4 }}>
        <Descriptions.Item label="起算日">{explanation.start}</Descriptions.Item>
        <Descriptions.Item label="法定期限">
          {explanation.period.length}
          {UNIT[explanation.period.unit]}
        </Descriptions.Item>
        {dueDate && <Descriptions.Item label="期限届满">{dueDate}</Descriptions.Item>}
        <Descriptions.Item label="适用规则">
          {explanation.ruleSet ? `${explanation.ruleSet.id} v${explanation.ruleSet.version}` : '—'}
          {explanation.ruleUnconfirmed && <Tag color="gold" style={{ marginLeft: 8 }}>规则待确认</Tag>}
          {explanation.provisional && <Tag style={{ marginLeft: 8 }}>暂定</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={explanation.segments}
        scroll={{ x: 560 }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => <Tag color={KIND[k]?.color}>{KIND[k]?.text ?? k}</Tag> },
          { title: '日期', width: 200, render: (_: unknown, s: Segment) => range(s) },
          { title: '说明', render: (_: unknown, s: Segment) => describe(s) },
        ]}
      />
    </>
  );
}

/**
 * "Why this date": every counted run, skipped holiday, pause and extension behind a due date.
 * Leads and cases answer one `explanation`; a complaint answers one per clock under `deadlines`.
 */
export function ClockExplanation({ path }: { path: string }) {
  const clock = useApi(() => get<ClockAnswer & { deadlines?: Record<string, Deadline> }>(path), [path]);
  if (clock.error) return <ErrorAlert error={clock.error} title="期限说明暂不可用" />;
  const answer = clock.data;
  const sections: { key: string; title?: string; dueDate?: string; explanation: Explanation }[] = [];
  if (answer?.explanation) sections.push({ key: 'main', dueDate: answer.dueDate, explanation: answer.explanation });
  for (const [key, d] of Object.entries(answer?.deadlines ?? {})) {
    if (d.explanation) sections.push({ key, title: DEADLINE_LABELS[key] ?? key, dueDate: d.dueDate, explanation: d.explanation });
  }
  return (
    <Card title="期限说明（为什么是这一天）" loading={clock.loading} size="small" data-testid="clock-explanation">
      {sections.length === 0 ? (
        <Empty description="暂无期限说明" />
      ) : (
        sections.map((section) => (
          <div key={section.key} style={{ marginBottom: 16 }}>
            {section.title && (
              <Typography.Title level={5}>
                {section.title}
                {section.dueDate ? `：${section.dueDate}` : ''}
              </Typography.Title>
            )}
            <ExplanationBody dueDate={section.dueDate} explanation={section.explanation} />
          </div>
        ))
      )}
    </Card>
  );
}
