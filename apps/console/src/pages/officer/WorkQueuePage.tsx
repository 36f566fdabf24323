import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, type ApiError } from '../../api/client';
import type { CaseRecord, Lead, Page, Queue } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { urgencyOf, localDateOf } from '../../app/dates';
import { CASE_STATUS_LABELS, CHANNEL_LABELS, label, LEAD_STATUS_LABELS, options } from '../../app/labels';
import { Link, navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Row {
  key: string;
  kind: 'lead' | 'case';
  id: string;
  title: string;
  channel?: string;
  status: string;
  bureau: string;
  received: string;
  dueDate?: string;
  provisional: boolean;
  ruleUnconfirmed?: boolean;
  open: boolean;
}

const OPEN_LEAD = new Set(['received', 'verifying', 'paused']);
const OPEN_CASE = (status: string) => status !== 'closed';
const PAGE_SIZE = 100;

function fromLead(l: Lead): Row {
  return { key: `lead-${l.id}`, kind: 'lead', id: l.id, title: l.title, channel: l.channel, status: l.status, bureau: l.bureau, received: l.receivedAt, dueDate: l.dueDate, provisional: l.provisional, ruleUnconfirmed: l.ruleUnconfirmed, open: OPEN_LEAD.has(l.status) };
}

function fromCase(c: CaseRecord): Row {
  return { key: `case-${c.id}`, kind: 'case', id: c.id, title: c.title ?? `案件 ${c.id.slice(0, 8)}`, channel: c.channel, status: c.status, bureau: c.bureau, received: c.filedAt, dueDate: c.dueDate, provisional: c.provisional, open: OPEN_CASE(c.status) };
}

/** The officer's queue: open leads and cases together, earliest due date first. */
export default function WorkQueuePage() {
  const [kind, setKind] = useState<'all' | 'lead' | 'case'>('all');
  const [channel, setChannel] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const { today, soon } = useSoonBoundary();
  const { name } = useBureaus();
  const queue = useApi(async () => {
    const wantsLeads = kind !== 'case' && (!status || status in LEAD_STATUS_LABELS);
    // Cases carry no channel, and each list accepts only its own statuses.
    const wantsCases = kind !== 'lead' && !channel && (!status || status in CASE_STATUS_LABELS);
    // Open records come from the work queues: every open one, earliest due first. The lists are
    // sorted the same way but hold closed records too, and a bureau's history of decided leads
    // would push its open ones past the first page. A closed status is history: from the lists.
    const leadsOf = (): Promise<Lead[]> =>
      !wantsLeads
        ? Promise.resolve([])
        : status && !OPEN_LEAD.has(status)
          ? get<Page<Lead>>('/api/v1/leads', { channel, status, overdue: overdue || undefined, pageSize: PAGE_SIZE }).then((p) => p.items)
          : get<Queue<Lead>>('/api/v1/leads/queue').then((q) => q.items.filter((l) => (!channel || l.channel === channel) && (!status || l.status === status) && (!overdue || l.overdue)));
    const casesOf = (): Promise<CaseRecord[]> =>
      !wantsCases
        ? Promise.resolve([])
        : status && !OPEN_CASE(status)
          ? get<Page<CaseRecord>>('/api/v1/cases', { status, overdue: overdue || undefined, pageSize: PAGE_SIZE }).then((p) => p.items)
          : get<Queue<CaseRecord>>('/api/v1/cases/queue').then((q) => q.items.filter((c) => (!status || c.status === status) && (!overdue || c.overdue)));
    const [leads, cases] = await Promise.allSettled([leadsOf(), casesOf()]);
    // A record transferred away stays readable to the sender, but it is no longer the sender's to do.
    const own = <T extends { readOnly?: boolean }>(items: T[]) => items.filter((r) => !r.readOnly);
    const rows = [...(leads.status === 'fulfilled' ? own(leads.value).map(fromLead) : []), ...(cases.status === 'fulfilled' ? own(cases.value).map(fromCase) : [])];
    rows.sort((a, b) => Number(b.open) - Number(a.open) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const errors = [leads, cases].filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ApiError);
    return { rows, errors };
  }, [kind, channel, status, overdue]);

  const statusOptions = kind === 'case' ? options(CASE_STATUS_LABELS) : kind === 'lead' ? options(LEAD_STATUS_LABELS) : [...options(LEAD_STATUS_LABELS).map((o) => ({ ...o, label: `线索：${o.label}` })), ...options(CASE_STATUS_LABELS).filter((o) => !(o.value in LEAD_STATUS_LABELS)).map((o) => ({ ...o, label: `案件：${o.label}` }))];
  return (
    <Card
      title="待办线索与案件"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/leads/new')}>
          登记线索
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="类型" value={kind} onChange={setKind} style={{ width: 120 }} options={[{ value: 'all', label: '全部' }, { value: 'lead', label: '线索' }, { value: 'case', label: '案件' }]} />
        <Select aria-label="来源渠道" allowClear placeholder="来源渠道" value={channel} onChange={setChannel} style={{ width: 180 }} options={options(CHANNEL_LABELS)} />
        <Select aria-label="状态" allowClear placeholder="状态" value={status} onChange={setStatus} style={{ width: 140 }} options={statusOptions} />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} aria-label="仅看超期" />
          <Typography.Text>仅看超期</Typography.Text>
        </Space>
      </Space>
      <ErrorAlert error={queue.error} />
      {queue.data?.errors.map((e) => <ErrorAlert key={e.code + e.message} error={e} title="部分数据暂不可用" />)}
      <Table<Row>
        rowKey="key"
        loading={queue.loading}
        dataSource={queue.data?.rows}
        size="middle"
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        rowClassName={(r) => `queue-${urgencyOf(r.dueDate, r.open, today, soon)}`}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 70, render: (k: Row['kind']) => (k === 'lead' ? <Tag color="blue">线索</Tag> : <Tag color="purple">案件</Tag>) },
          { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, r) => <Link to={`/${r.kind === 'lead' ? 'leads' : 'cases'}/${r.id}`}>{t}</Link> },
          { title: '来源渠道', dataIndex: 'channel', width: 140, render: (c?: string) => (c ? label(CHANNEL_LABELS, c) : '—') },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string, r) => label(r.kind === 'lead' ? LEAD_STATUS_LABELS : CASE_STATUS_LABELS, s) },
          { title: '承办局', dataIndex: 'bureau', width: 130, render: (b: string) => name(b) },
          { title: '受理/立案', dataIndex: 'received', width: 110, render: (d: string) => localDateOf(d) },
          { title: '办理期限', dataIndex: 'dueDate', width: 220, render: (d: string | undefined, r) => <DueDate date={d} urgency={urgencyOf(d, r.open, today, soon)} provisional={r.provisional} ruleUnconfirmed={r.ruleUnconfirmed} /> },
        ]}
      />
    </Card>
  );
}
