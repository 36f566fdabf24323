import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Statistic, Table, Tag, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, post } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

interface RowReport {
  row: number;
  itemId?: string;
  status?: string;
  leadId?: string;
  errors?: { field: string; message: string }[];
  message?: string;
}

interface ImportReport {
  imported?: number;
  duplicates?: number;
  rejected?: number;
  rows?: RowReport[];
  items?: RowReport[];
}

/** Bulk intake of the national platform's monitoring items (CSV or XLSX) with the per-row report. */
export default function ImportPage() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const send = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const data = new FormData();
      data.set('file', file);
      setReport(await post<ImportReport>('/api/v1/leads/import', data));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '导入失败'));
    } finally {
      setBusy(false);
    }
  };
  const rows = report?.rows ?? report?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="平台分发监测信息批量导入">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="每行一条监测信息，须含平台信息编号与平台要求的核查期限；已导入的编号不会重复登记。" />
        <Upload.Dragger accept=".csv,.xlsx" beforeUpload={() => false} maxCount={1} fileList={files} onChange={({ fileList }) => setFiles(fileList)}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>点击或拖入 CSV / XLSX 文件</p>
        </Upload.Dragger>
        <Button type="primary" style={{ marginTop: 16 }} disabled={!files.length} loading={busy} onClick={send}>
          开始导入
        </Button>
      </Card>
      <ErrorAlert error={error} />
      {report && (
        <Card title="导入结果">
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic title="导入成功" value={report.imported ?? rows.filter((r) => r.status === 'imported').length} />
            <Statistic title="已存在（跳过）" value={report.duplicates ?? rows.filter((r) => r.status === 'duplicate').length} />
            <Statistic title="被拒绝" value={report.rejected ?? rows.filter((r) => r.errors?.length).length} styles={{ content: { color: '#cf1322' } }} />
          </Space>
          {rows.length === 0 ? (
            <Result status="success" title="全部行均已处理" />
          ) : (
            <Table<RowReport>
              size="small"
              rowKey="row"
              dataSource={rows}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '平台信息编号', dataIndex: 'itemId', width: 180 },
                { title: '结果', dataIndex: 'status', width: 100, render: (s: string | undefined, r) => (r.errors?.length ? <Tag color="red">拒绝</Tag> : <Tag color="green">{s === 'duplicate' ? '已存在' : '已导入'}</Tag>) },
                { title: '原因', render: (_: unknown, r) => r.errors?.map((e) => e.message).join('；') ?? r.message ?? '' },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
