import { Alert, Card, Space, Table, Tag } from 'antd';
import { get } from '../../api/client';
import type { CaseRecord, Lead, Page } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { urgencyOf } from '../../app/dates';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * What waits for a supervisor: records near or past their due date without an extension.
 * Credit repairs are decided on the operator's page: the API lists them per operator only.
 */
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
      <Alert type="info" showIcon title="信用修复申请在经营者信用页面审批：在“信用”中输入统一社会信用代码查询后，于“信用修复申请”处批准或驳回。" />
    </Space>
  );
}
