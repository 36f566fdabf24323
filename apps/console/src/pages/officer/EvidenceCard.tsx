import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, get, post } from '../../api/client';
import type { Evidence } from '../../api/types';
import { formatInstant } from '../../app/dates';
import { EVIDENCE_TYPES, label, options } from '../../app/labels';
import { ApiForm } from '../../components/ApiForm';

type Check = { state: 'ok' | 'mismatch' | 'error'; text: string };

/** The hash check is done by the service on every read (domain.md §4); the console only asks. */
function HashStatus({ caseId, item }: { caseId: string; item: Evidence }) {
  const [check, setCheck] = useState<Check | null>(null);
  const verify = async () => {
    try {
      const answer = await get<Evidence>(`/api/v1/cases/${caseId}/evidence/${item.id}`);
      const bad = answer.mismatch === true || answer.hashOk === false || answer.verified === false;
      setCheck(bad ? { state: 'mismatch', text: '哈希不一致' } : { state: 'ok', text: '校验通过' });
    } catch (e) {
      setCheck({ state: 'error', text: errorMessage(e) });
    }
  };
  const initial = item.mismatch === true || item.hashOk === false ? { state: 'mismatch', text: '哈希不一致' } : null;
  const shown = check ?? initial;
  return (
    <>
      {shown && <Tag color={shown.state === 'ok' ? 'green' : 'red'}>{shown.text}</Tag>}
      <Button size="small" onClick={verify}>
        校验
      </Button>
    </>
  );
}

export function EvidenceCard({ caseId, items, onAdded }: { caseId: string; items: Evidence[]; onAdded(): void }) {
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
        scroll={{ x: 600 }}
        columns={[
          { title: '类型', dataIndex: 'type', render: (t: string) => label(EVIDENCE_TYPES, t) },
          { title: '来源', dataIndex: 'sourceUrl', ellipsis: true },
          { title: '取证时间', dataIndex: 'capturedAt', render: formatInstant },
          { title: 'SHA-256', dataIndex: 'sha256', ellipsis: true, render: (h: string) => <code>{h?.slice(0, 16)}…</code> },
          { title: '哈希状态', render: (_: unknown, item) => <HashStatus caseId={caseId} item={item} /> },
        ]}
      />
      <ApiForm
        layout="vertical"
        submit={upload}
        submitText="上传证据"
        successText="证据已保存"
        onDone={() => {
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
    </Card>
  );
}
