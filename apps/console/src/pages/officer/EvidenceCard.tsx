import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, get, post } from '../../api/client';
import type { Evidence } from '../../api/types';
import { formatInstant } from '../../app/dates';
import { EVIDENCE_TYPES, label, options } from '../../app/labels';
import { ApiForm } from '../../components/ApiForm';

type Check = { state: 'ok' | 'bad' | 'error'; text: string; detail?: string };

const INTEGRITY: Record<string, string> = { ok: '校验通过', mismatch: '哈希不一致', missing: '存储文件缺失' };

/** The hash check is done by the service on every read (domain.md §4); the console only asks. */
function HashStatus({ caseId, item }: { caseId: string; item: Evidence }) {
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      const answer = await get<Evidence>(`/api/v1/cases/${caseId}/evidence/${item.id}`);
      const integrity = answer.integrity ?? (answer.verified ? 'ok' : 'mismatch');
      setCheck({
        state: integrity === 'ok' ? 'ok' : 'bad',
        text: INTEGRITY[integrity] ?? integrity,
        // What the stored bytes hash to now, so a mismatch can be compared with the recorded value.
        detail: answer.actualSha256 ? `存储文件的 SHA-256：${answer.actualSha256}` : undefined,
      });
    } catch (e) {
      setCheck({ state: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={4} wrap>
      {check && (
        <Tooltip title={check.detail}>
          <Tag color={check.state === 'ok' ? 'green' : 'red'} data-testid="evidence-integrity">
            {check.text}
          </Tag>
        </Tooltip>
      )}
      <Button size="small" loading={busy} onClick={verify}>
        校验
      </Button>
    </Space>
  );
}

function formatSize(bytes?: number): string {
  if (bytes === undefined) return '';
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function EvidenceCard({ caseId, items, onAdded, readOnly }: { caseId: string; items: Evidence[]; onAdded(): void; readOnly?: boolean }) {
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = (v: Record<string, unknown>) => {
    const data = new FormData();
    // Text fields before the file: the multipart parser reads them in order.
    data.set('type', String(v.type));
    if (v.sourceUrl) data.set('sourceUrl', String(v.sourceUrl));
    data.set('capturedAt', (v.capturedAt as Dayjs).toISOString());
    data.set('method', String(v.method));
    if (files[0]?.originFileObj) data.set('file', files[0].originFileObj);
    return post<{ id: string; sha256: string }>(`/api/v1/cases/${caseId}/evidence`, data);
  };
  return (
    <Card title="电子证据" size="small">
      <Table<Evidence>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        scroll={{ x: 900 }}
        columns={[
          { title: '类型', dataIndex: 'type', width: 90, render: (t: string) => label(EVIDENCE_TYPES, t) },
          {
            title: '文件',
            width: 180,
            render: (_: unknown, item) => (
              <>
                <div>{item.fileName ?? '—'}</div>
                <Typography.Text type="secondary">{formatSize(item.size)}</Typography.Text>
              </>
            ),
          },
          {
            title: '取证',
            width: 190,
            render: (_: unknown, item) => (
              <>
                <div>{formatInstant(item.capturedAt)}</div>
                <Typography.Text type="secondary">{[item.capturedBy, item.method].filter(Boolean).join(' · ')}</Typography.Text>
                {item.sourceUrl && (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: item.sourceUrl }} style={{ display: 'block', maxWidth: 180 }}>
                    {item.sourceUrl}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            // The whole hash: it is cited in the evidence list of the case file (证据清单).
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string) => (
              <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="evidence-sha256">
                {h}
              </Typography.Text>
            ),
          },
          { title: '哈希校验', width: 150, render: (_: unknown, item) => <HashStatus caseId={caseId} item={item} /> },
        ]}
      />
      {!readOnly && (
        <ApiForm
          form={form}
          layout="vertical"
          submit={upload}
          submitText="上传证据"
          successText="证据已保存"
          onDone={() => {
            form.resetFields();
            setFiles([]);
            onAdded();
          }}
        >
          <Form.Item name="type" label="证据类型" rules={[{ required: true, message: '请选择证据类型' }]}>
            <Select options={options(EVIDENCE_TYPES)} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="sourceUrl" label="来源网址">
            <Input />
          </Form.Item>
          <Form.Item name="capturedAt" label="取证时间" rules={[{ required: true, message: '请选择取证时间' }]}>
            <DatePicker showTime />
          </Form.Item>
          <Form.Item name="method" label="取证方式" rules={[{ required: true, message: '请填写取证方式' }]}>
            <Input placeholder="如：网页截图、录屏、平台调取" />
          </Form.Item>
          <Form.Item name="file" label="文件" rules={[{ validator: () => (files.length ? Promise.resolve() : Promise.reject(new Error('请选择文件'))) }]}>
            <Upload beforeUpload={() => false} fileList={files} maxCount={1} onChange={({ fileList }) => setFiles(fileList)}>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        </ApiForm>
      )}
    </Card>
  );
}
