import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import type { Complaint, Page } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { localDateOf, urgencyOf } from '../../app/dates';
import { COMPLAINT_STATUS_LABELS, label, options } from '../../app/labels';
import { Link, navigate } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';

const OPEN = new Set(['received', 'mediating', 'mediation_ended', 'odr_routed', 'odr_accepted']);

/** The deadline that matters now, as the complaints service computes it (`currentDueDate`). */
export function currentDue(c: Complaint): { date: string | undefined; open: boolean } {
  return { date: c.currentDueDate ?? c.mediationDueDate ?? c.acceptanceDueDate, open: OPEN.has(c.status) };
}

export default function ComplaintQueuePage() {
  const [status, setStatus] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const { today, soon } = useSoonBoundary();
  const { name } = useBureaus();
  const list = useApi(() => get<Page<Complaint>>('/api/v1/complaints', { status, overdue: overdue || undefined, pageSize: 100 }), [status, overdue]);
  const rows = [...(list.data?.items ?? [])].sort((a, b) => Number(currentDue(b).open) - Number(currentDue(a).open) || (currentDue(a).date ?? '').localeCompare(currentDue(b).date ?? ''));
  return (
    <Card
      title="投诉工作台"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>
          登记投诉
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="状态" allowClear placeholder="状态" value={status} onChange={setStatus} style={{ width: 160 }} options={options(COMPLAINT_STATUS_LABELS)} />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} />
          <Typography.Text>仅看超期</Typography.Text>
        </Space>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<Complaint>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
        rowClassName={(c) => `queue-${urgencyOf(currentDue(c).date, currentDue(c).open, today, soon)}`}
        columns={[
          { title: '被投诉经营者', render: (_: unknown, c) => <Link to={`/complaints/${c.id}`}>{c.operator.name ?? c.operator.platform ?? c.id.slice(0, 8)}</Link> },
          { title: '投诉人', render: (_: unknown, c) => c.consumer.name ?? '—' },
          { title: '涉网', dataIndex: 'online', width: 70, render: (o: boolean) => (o ? <Tag color="blue">涉网</Tag> : '—') },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => label(COMPLAINT_STATUS_LABELS, s) },
          { title: '承办局', dataIndex: 'bureau', width: 130, render: (b: string) => name(b) },
          { title: '接收日期', dataIndex: 'receivedAt', width: 110, render: localDateOf },
          { title: '当前期限', width: 220, render: (_: unknown, c) => <DueDate date={currentDue(c).date} urgency={urgencyOf(currentDue(c).date, currentDue(c).open, today, soon)} ruleUnconfirmed={c.ruleUnconfirmed} /> },
        ]}
      />
    </Card>
  );
}
