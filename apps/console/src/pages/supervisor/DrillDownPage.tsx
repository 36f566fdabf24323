import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { download, errorMessage, get } from '../../api/client';
import { useBureaus } from '../../app/bureaus';
import { ANY_CHANNEL_LABELS, label } from '../../app/labels';
import { Link, navigate, useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** One counted item (metrics `ItemsReply.items`): a record and how it counted. */
interface DrillItem {
  id: string;
  recordId: string;
  itemKey: string;
  kind: 'lead' | 'case' | 'complaint';
  channel: string;
  bureau: string;
  officer: string;
  dueDate: string | null;
  doneDate: string | null;
  status: string;
}

const KIND_LABELS: Record<DrillItem['kind'], string> = { lead: '线索', case: '案件', complaint: '投诉' };
const PAGE_SIZE = 50;

const STATUS: Record<string, { text: string; color: string }> = {
  late: { text: '超期', color: 'red' },
  missing: { text: '超期未办', color: 'orange' },
  on_time: { text: '按时', color: 'green' },
};

/** Where a counted item lives in the console (lead, case or complaint page). */
function recordLink(item: DrillItem): string {
  return `/${item.kind}s/${encodeURIComponent(item.recordId)}`;
}

/** The exact records behind an indicator figure (domain.md §7 drill-down). */
export default function DrillDownPage({ params }: { params: { code: string } }) {
  const { query } = useLocation();
  const { name } = useBureaus();
  const bureau = query.get('bureau') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const status = query.get('status') ?? '';
  const [page, setPage] = useState(1);
  const list = useApi(
    () => get<{ items: DrillItem[]; total: number }>(`/api/v1/indicators/${encodeURIComponent(params.code)}/items`, { bureau, from, to, status, page, pageSize: PAGE_SIZE }),
    [params.code, bureau, from, to, status, page],
  );
  const setStatus = (next: string) => {
    setPage(1);
    const q = new URLSearchParams({ bureau, from, to, ...(next ? { status: next } : {}) });
    navigate(`/indicators/${encodeURIComponent(params.code)}?${q.toString()}`);
  };
  return (
    <Card
      title={`指标 ${params.code} 明细 · ${name(bureau)} · ${from} 至 ${to}`}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => download(`/api/v1/indicators/${encodeURIComponent(params.code)}/items/export.xlsx`, { bureau, from, to, status }, `指标${params.code}明细.xlsx`).catch((e) => message.error(errorMessage(e)))}>
          导出 Excel
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(v) => setStatus(String(v))}
          options={[
            { value: '', label: '全部' },
            { value: 'late', label: '超期' },
            { value: 'missing', label: '超期未办' },
            { value: 'on_time', label: '按时' },
          ]}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<DrillItem>
        rowKey="itemKey"
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '记录', render: (_: unknown, r) => <Link to={recordLink(r)}>{`${KIND_LABELS[r.kind] ?? r.kind} ${r.recordId.slice(0, 8)}…`}</Link> },
          { title: '来源渠道', dataIndex: 'channel', render: (c?: string) => label(ANY_CHANNEL_LABELS, c) },
          { title: '承办局', dataIndex: 'bureau', render: (b?: string) => name(b) },
          { title: '承办人', dataIndex: 'officer', render: (o?: string) => o || '—' },
          { title: '期限', dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
          { title: '办结日期', dataIndex: 'doneDate', render: (d: string | null) => d ?? '—' },
          { title: '结果', dataIndex: 'status', render: (s?: string) => (s && STATUS[s] ? <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> : (s ?? '—')) },
        ]}
      />
    </Card>
  );
}
