import { Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { CaseRecord, CreditRepairQueueItem, Lead, Page } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { urgencyOf } from '../../app/dates';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RepairDecision } from '../credit/RepairDecision';

const REPAIR_PAGE_SIZE = 20;

/** Credit repairs (信用修复) of every operator the supervisor sees that wait for a decision. */
function PendingRepairs() {
  const { name } = useBureaus();
  const [page, setPage] = useState(1);
  const repairs = useApi(() => get<Page<CreditRepairQueueItem>>('/api/v1/credit-repairs', { status: 'pending', page, pageSize: REPAIR_PAGE_SIZE }), [page]);
  return (
    <Card title="待审批的信用修复申请">
      <ErrorAlert error={repairs.error} />
      <Table<CreditRepairQueueItem>
        rowKey="id"
        loading={repairs.loading}
        dataSource={repairs.data?.items}
        pagination={{ current: page, pageSize: REPAIR_PAGE_SIZE, total: repairs.data?.total ?? 0, onChange: setPage }}
        scroll={{ x: 900 }}
        columns={[
          { title: '申请时间', dataIndex: 'requestedAt', width: 110, render: (d: string) => d.slice(0, 10) },
          { title: '经营者', render: (_: unknown, r) => <Link to={`/operators?uscc=${encodeURIComponent(r.uscc)}`}>{r.operatorName}</Link> },
          { title: '修复的处罚', render: (_: unknown, r) => (r.record ? `${r.record.date} ${r.record.description}` : r.recordId.slice(0, 8)) },
          { title: '理由', dataIndex: 'reason' },
          { title: '申请局', dataIndex: 'bureau', render: (b: string) => name(b) },
          {
            title: '审批',
            width: 320,
            render: (_: unknown, r) => (
              <RepairDecision
                repair={r}
                done={() => {
                  // Deciding the last item of a later page leaves that page empty: step back.
                  if (page > 1 && repairs.data?.items.length === 1) setPage(page - 1);
                  else repairs.reload();
                }}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** What waits for a supervisor: records near or past their due date without an extension, and credit repairs. */
export default function ApprovalsPage() {
  const { today, soon } = useSoonBoundary();
  const { name } = useBureaus();
  const dueBefore = soon ?? today;
  const leads = useApi(() => get<Page<Lead>>('/api/v1/leads', { dueBefore, pageSize: 100 }), [dueBefore]);
  const cases = useApi(() => get<Page<CaseRecord>>('/api/v1/cases', { overdue: true, pageSize: 100 }), []);
  const extendable = [
    ...(leads.data?.items ?? []).filter((l) => !l.extended && ['received', 'verifying', 'paused'].includes(l.status)).map((l) => ({ key: `lead-${l.id}`, to: `/leads/${l.id}`, title: l.title, kind: '线索', bureau: l.bureau, dueDate: l.dueDate })),
    ...(cases.data?.items ?? [])
      .filter((c): c is CaseRecord & { dueDate: string } => c.extensions.length === 0 && !c.decision && c.dueDate !== undefined)
      .map((c) => ({ key: `case-${c.id}`, to: `/cases/${c.id}`, title: c.title ?? c.id, kind: '案件', bureau: c.bureau, dueDate: c.dueDate })),
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
      <PendingRepairs />
    </Space>
  );
}
