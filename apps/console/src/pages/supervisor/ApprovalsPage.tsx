import { Button, Card, Input, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { errorMessage, get, post } from '../../api/client';
import type { CaseRecord, Lead, Page } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { urgencyOf } from '../../app/dates';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Repair {
  id: string;
  uscc: string;
  operatorName?: string;
  reason: string;
  requestedAt?: string;
  status?: string;
}

function RepairDecision({ repair, done }: { repair: Repair; done(): void }) {
  const [reason, setReason] = useState('');
  const decide = async (approved: boolean) => {
    try {
      await post(`/api/v1/credit-repairs/${repair.id}/decision`, { approved, reason });
      void message.success(approved ? '已批准信用修复' : '已驳回信用修复');
      done();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space.Compact>
      <Input placeholder="审批意见" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 160 }} />
      <Button type="primary" onClick={() => decide(true)}>
        批准
      </Button>
      <Button danger onClick={() => decide(false)}>
        驳回
      </Button>
    </Space.Compact>
  );
}

/** What waits for a supervisor: records near or past their due date without an extension, credit repairs. */
export default function ApprovalsPage() {
  const { today, soon } = useSoonBoundary();
  const { name } = useBureaus();
  const dueBefore = soon ?? today;
  const leads = useApi(() => get<Page<Lead>>('/api/v1/leads', { dueBefore, pageSize: 100 }), [dueBefore]);
  const cases = useApi(() => get<Page<CaseRecord>>('/api/v1/cases', { overdue: true, pageSize: 100 }), []);
  const repairs = useApi(() => get<{ items: Repair[] }>('/api/v1/credit-repairs', { status: 'pending' }), []);
  const extendable = [
    ...(leads.data?.items ?? []).filter((l) => !l.extended && ['received', 'verifying', 'paused'].includes(l.status)).map((l) => ({ key: `lead-${l.id}`, to: `/leads/${l.id}`, title: l.title, kind: '线索', bureau: l.bureau, dueDate: l.dueDate })),
    ...(cases.data?.items ?? []).filter((c) => c.extensions.length === 0 && !c.decision).map((c) => ({ key: `case-${c.id}`, to: `/cases/${c.id}`, title: c.title ?? c.id, kind: '案件', bureau: c.bureau, dueDate: c.dueDate })),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="临期未延期的线索与案件（可在记录页批准延期）">
        <ErrorAlert error={leads.error ?? cases.error} />
        <Table
          rowKey="key"
          loading={leads.loading || cases.loading}
          dataSource={extendable}
          pagination={{ pageSize: 20 }}
          scroll={{ x: 700 }}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 70, render: (k: string) => <Tag>{k}</Tag> },
            { title: '标题', render: (_: unknown, r) => <Link to={r.to}>{r.title}</Link> },
            { title: '承办局', dataIndex: 'bureau', render: (b: string) => name(b) },
            { title: '期限', dataIndex: 'dueDate', render: (d: string) => <DueDate date={d} urgency={urgencyOf(d, true, today, soon)} /> },
          ]}
        />
      </Card>
      <Card title="待审批的信用修复申请">
        <ErrorAlert error={repairs.error} />
        <Table<Repair>
          rowKey="id"
          loading={repairs.loading}
          dataSource={repairs.data?.items}
          pagination={false}
          scroll={{ x: 700 }}
          columns={[
            { title: '经营者', render: (_: unknown, r) => <Link to={`/operators?uscc=${r.uscc}`}>{r.operatorName ?? r.uscc}</Link> },
            { title: '申请理由', dataIndex: 'reason' },
            { title: '审批', render: (_: unknown, r) => <RepairDecision repair={r} done={repairs.reload} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
