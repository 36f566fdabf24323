import { Alert, Button, Card, Descriptions, Form, InputNumber, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { errorMessage, get, post, put } from '../../api/client';
import type { Complaint, Page } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { localDateOf } from '../../app/dates';
import { COMPLAINT_STATUS_LABELS, label } from '../../app/labels';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface RulePeriod {
  name: string;
  length: number;
  unit: 'working' | 'calendar';
}

interface RuleSet {
  id: string;
  version: number;
  title?: string;
  effectiveFrom: string;
  unconfirmed?: boolean;
  confirmedBy?: string;
  confirmedAt?: string;
  periods?: Record<string, RulePeriod | { length: number; unit: string }>;
}

const UNIT: Record<string, string> = { working: '个工作日', calendar: '日' };
const PERIOD_LABELS: Record<string, string> = { acceptance: '受理期限', mediation: '调解期限', mediationTerminationNotice: '终止调解告知期限', reporterNotice: '举报人告知期限' };
/** Complaints whose running clocks come from the rule set: a confirmation can change their dates. */
const RUNNING = ['received', 'mediating', 'paused', 'mediation_ended'];
const PAGE_SIZE = 100;

function Confirm({ rule, done }: { rule: RuleSet; done(): void }) {
  const periods = Object.entries(rule.periods ?? {});
  return (
    <ApiForm
      initialValues={Object.fromEntries(periods.map(([k, p]) => [k, p.length]))}
      submit={(v) => put('/api/v1/rule-sets/order-121', { periods: Object.fromEntries(periods.map(([k, p]) => [k, { length: v[k], unit: p.unit }])) })}
      onDone={done}
      submitText="确认规则"
      successText="规则已确认"
    >
      {periods.map(([key, p]) => (
        <Form.Item key={key} name={key} label={`${'name' in p ? p.name : (PERIOD_LABELS[key] ?? key)}（${UNIT[p.unit] ?? p.unit}）`} rules={[{ required: true, message: '请填写期限' }]}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
      ))}
    </ApiForm>
  );
}

async function runningComplaints(): Promise<Complaint[]> {
  const all: Complaint[] = [];
  for (const status of RUNNING) {
    for (let page = 1; ; page++) {
      const answer = await get<Page<Complaint>>('/api/v1/complaints', { status, page, pageSize: PAGE_SIZE });
      all.push(...answer.items);
      if (answer.items.length < PAGE_SIZE || all.length >= answer.total) break;
    }
  }
  return all;
}

/**
 * A confirmation never moves a running complaint by itself (domain.md §2): each one keeps the
 * version it started under until the admin re-bases it here, which is audited as an event.
 */
function Rebase({ rule }: { rule: RuleSet }) {
  const { name } = useBureaus();
  const list = useApi(runningComplaints, [rule.version]);
  const [rebased, setRebased] = useState<Record<string, Complaint>>({});
  const [busy, setBusy] = useState<string>();
  const behind = (list.data ?? []).filter((c) => c.ruleSet?.id === rule.id && (c.ruleSet.version < rule.version || rebased[c.id]));
  const rebase = async (c: Complaint) => {
    setBusy(c.id);
    try {
      const after = await post<Complaint>(`/api/v1/complaints/${c.id}/rebase`);
      setRebased((r) => ({ ...r, [c.id]: after }));
      void message.success('已按新版本重算期限');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card size="small" title={`仍按旧版本计时的在办投诉（当前 v${rule.version}）`} style={{ marginTop: 16 }}>
      <ErrorAlert error={list.error} />
      <Table<Complaint>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={behind}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 800 }}
        locale={{ emptyText: '没有需要重算的投诉' }}
        columns={[
          { title: '接收日期', dataIndex: 'receivedAt', width: 110, render: (d: string) => localDateOf(d) },
          { title: '被投诉方', render: (_: unknown, c) => c.operator?.name ?? '—' },
          { title: '承办局', dataIndex: 'bureau', render: (b: string) => name(b) },
          { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => label(COMPLAINT_STATUS_LABELS, s) },
          {
            title: '适用版本',
            width: 150,
            render: (_: unknown, c) => {
              const now = rebased[c.id] ?? c;
              return (
                <Space size={4}>
                  v{now.ruleSet?.version}
                  {now.ruleUnconfirmed ? <Tag color="gold">规则待确认</Tag> : <Tag color="green">已确认</Tag>}
                </Space>
              );
            },
          },
          {
            title: '当前期限',
            width: 190,
            render: (_: unknown, c) => {
              const after = rebased[c.id];
              return after && after.currentDueDate !== c.currentDueDate ? (
                <span data-testid="rebased-due-date">
                  <s>{c.currentDueDate}</s> → {after.currentDueDate}
                </span>
              ) : (
                (after ?? c).currentDueDate ?? '—'
              );
            },
          },
          {
            title: '操作',
            width: 140,
            render: (_: unknown, c) =>
              rebased[c.id] ? (
                <Tag color="green">已重算</Tag>
              ) : (
                <Button size="small" loading={busy === c.id} onClick={() => rebase(c)}>
                  按新版本重算
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** Order 121 applies from 2026-04-15 but stays "unconfirmed" until an admin enters its values. */
export default function RuleSetsPage() {
  // Order 121 is the one rule set awaiting confirmation today; others are shipped confirmed.
  const rules = useApi(async () => ({ items: [await get<RuleSet>('/api/v1/rule-sets/order-121')] }), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title="新规则在管理员确认其期限前，适用记录按旧规则计算并标注“规则待确认”；确认后新登记的投诉适用新版本，在办投诉须逐件重算。确认与重算均被审计记录。" />
      <ErrorAlert error={rules.error} />
      {(rules.data?.items ?? []).map((r) => (
        <Card key={`${r.id}-${r.version}`} title={r.title ?? r.id} extra={r.unconfirmed ? <Tag color="gold">待确认</Tag> : <Tag color="green">已确认</Tag>}>
          <Descriptions size="small">
            <Descriptions.Item label="编号">{r.id}</Descriptions.Item>
            <Descriptions.Item label="版本">v{r.version}</Descriptions.Item>
            <Descriptions.Item label="施行日期">{r.effectiveFrom}</Descriptions.Item>
            {r.confirmedBy && <Descriptions.Item label="确认人">{r.confirmedBy}</Descriptions.Item>}
            {r.confirmedAt && <Descriptions.Item label="确认日期">{localDateOf(r.confirmedAt)}</Descriptions.Item>}
          </Descriptions>
          <Confirm rule={r} done={rules.reload} />
          {!r.unconfirmed && <Rebase rule={r} />}
        </Card>
      ))}
    </Space>
  );
}
