import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Result, Space, Statistic, Table, Tag, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError, post } from '../../api/client';
import { Link } from '../../app/router';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The header row the leads service reads (LEAD_IMPORT_COLUMNS); the names are matched as written. */
const COLUMNS: { name: string; meaning: string; required?: boolean; example: string }[] = [
  { name: 'platformItemId', meaning: '平台信息编号（重复导入时据此跳过）', required: true, example: 'JC2026110001' },
  { name: 'title', meaning: '标题', required: true, example: '网店销售假冒运动鞋' },
  { name: 'subjectUscc', meaning: '当事人统一社会信用代码', example: '' },
  { name: 'subjectName', meaning: '当事人名称（信用代码、名称、店铺网址至少填一项）', example: '盐城优品运动专营店' },
  { name: 'platform', meaning: '所在平台', example: '淘宝' },
  { name: 'storeUrl', meaning: '店铺网址', example: 'https://shop.example.com/youpin' },
  { name: 'receivedAt', meaning: '接收时间（YYYY-MM-DD 或带时区的时间），不得晚于当前', required: true, example: '2026-11-20' },
  { name: 'platformDueDate', meaning: '平台要求的核查期限（YYYY-MM-DD），可空', example: '' },
  { name: 'description', meaning: '说明', example: '' },
];

/** A CSV with the header and one example row, with a BOM so Excel opens it as UTF-8. */
function downloadTemplate() {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = `\uFEFF${COLUMNS.map((c) => c.name).join(',')}\r\n${COLUMNS.map((c) => quote(c.example)).join(',')}\r\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = '监测信息导入模板.csv';
  link.click();
  URL.revokeObjectURL(url);
}

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
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="每行一条监测信息，第一行为表头；已导入的平台信息编号不会重复登记。" />
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'columns',
              label: '表头列名说明',
              extra: (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={(e) => {
                    e.stopPropagation();
                    downloadTemplate();
                  }}
                >
                  下载模板
                </Button>
              ),
              children: (
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  dataSource={COLUMNS}
                  columns={[
                    { title: '列名', dataIndex: 'name', render: (n: string) => <code>{n}</code> },
                    { title: '内容', dataIndex: 'meaning' },
                    { title: '必填', dataIndex: 'required', width: 60, render: (r?: boolean) => (r ? '是' : '') },
                  ]}
                />
              ),
            },
          ]}
        />
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
                { title: '平台信息编号', dataIndex: 'itemId', width: 180, render: (id: string | undefined, r) => (r.leadId ? <Link to={`/leads/${r.leadId}`}>{id}</Link> : id) },
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
