import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag, message } from 'antd';
import { download, errorMessage, get } from '../../api/client';
import { useBureaus } from '../../app/bureaus';
import { CHANNEL_LABELS, label } from '../../app/labels';
import { Link, navigate, useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';

interface DrillItem {
  id?: string;
  recordId?: string;
  aggregateId?: string;
  recordType?: string;
  aggregateType?: string;
  kind?: string;
  title?: string;
  channel?: string;
  bureau?: string;
  dueDate?: string;
  doneOn?: string;
  status?: string;
}

const STATUS: Record<string, { text: string; color: string }> = {
  late: { text: '超期', color: 'red' },
  missing: { text: '超期未办', color: 'orange' },
  on_time: { text: '按时', color: 'green' },
};

/** Where a counted item lives in the console (lead, case or complaint page). */
function recordLink(item: DrillItem): string | null {
  const id = item.recordId ?? item.aggregateId ?? item.id;
  const type = item.recordType ?? item.aggregateType ?? item.kind ?? 'lead';
  if (!id) return null;
  if (type.startsWith('case')) return `/cases/${id}`;
  if (type.startsWith('complaint')) return `/complaints/${id}`;
  return `/leads/${id}`;
}

/** The exact records behind an indicator figure (domain.md §7 drill-down). */
export default function DrillDownPage({ params }: { params: { code: string } }) {
  const { query } = useLocation();
  const { name } = useBureaus();
  const bureau = query.get('bureau') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const status = query.get('status') ?? '';
  const list = useApi(() => get<{ items: DrillItem[] }>(`/api/v1/indicators/${encodeURIComponent(params.code)}/items`, { bureau, from, to, status }), [params.code, bureau, from, to, status]);
  const setStatus = (next: string) => {
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
        rowKey={(r) => r.recordId ?? r.aggregateId ?? r.id ?? JSON.stringify(r)}
        loading={list.loading}
        dataSource={list.data?.items}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          {
            title: '记录',
            render: (_: unknown, r) => {
              const to = recordLink(r);
              const text = r.title ?? (r.recordId ?? r.aggregateId ?? r.id ?? '—').slice(0, 12);
              return to ? <Link to={to}>{text}</Link> : text;
            },
          },
          { title: '来源渠道', dataIndex: 'channel', render: (c?: string) => label(CHANNEL_LABELS, c) },
          { title: '承办局', dataIndex: 'bureau', render: (b?: string) => name(b) },
          { title: '期限', dataIndex: 'dueDate' },
          { title: '办结日期', dataIndex: 'doneOn', render: (d?: string) => d ?? '—' },
          { title: '结果', dataIndex: 'status', render: (s?: string) => (s && STATUS[s] ? <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> : (s ?? '—')) },
        ]}
      />
    </Card>
  );
}
