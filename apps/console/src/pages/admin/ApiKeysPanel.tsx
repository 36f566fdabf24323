import { Alert, Button, Form, Input, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { del, errorMessage, get, post } from '../../api/client';
import { formatInstant } from '../../app/dates';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface ApiKey {
  id: string;
  label: string;
  lookup: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** An integration account's API keys: issue (the key is shown once), list, revoke. */
export function ApiKeysPanel({ username }: { username: string }) {
  const path = `/api/v1/users/${encodeURIComponent(username)}/api-keys`;
  const keys = useApi(() => get<{ items: ApiKey[] }>(path), [path]);
  const [issued, setIssued] = useState<string | null>(null);
  const [form] = Form.useForm();
  const revoke = async (id: string) => {
    try {
      await del(`${path}/${id}`);
      void message.success('密钥已吊销');
      keys.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={keys.error} />
      {issued && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setIssued(null)}
          title="新密钥只显示这一次，请立即交给对接系统保存"
          description={<Typography.Text copyable code data-testid="issued-api-key">{issued}</Typography.Text>}
        />
      )}
      <Table<ApiKey>
        rowKey="id"
        size="small"
        loading={keys.loading}
        dataSource={keys.data?.items}
        pagination={false}
        columns={[
          { title: '用途', dataIndex: 'label' },
          { title: '标识', dataIndex: 'lookup', render: (l: string) => <Typography.Text code>{`wj_${l}_…`}</Typography.Text> },
          { title: '签发', dataIndex: 'createdAt', render: (at: string, k) => `${formatInstant(at)}（${k.createdBy}）` },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (at: string | null) => (at ? formatInstant(at) : '—') },
          {
            title: '状态',
            dataIndex: 'revokedAt',
            render: (at: string | null, k) =>
              at ? (
                <Tag>已吊销 {formatInstant(at)}</Tag>
              ) : (
                <Popconfirm title="吊销后使用该密钥的系统将立即无法访问" okText="吊销" cancelText="取消" onConfirm={() => revoke(k.id)}>
                  <Button size="small" danger>
                    吊销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <ApiForm
        form={form}
        layout="inline"
        submit={(v) => post<{ key: string }>(path, { label: v.label })}
        submitText="签发新密钥"
        successText="密钥已签发"
        onDone={(result) => {
          setIssued(result.key);
          form.resetFields();
          keys.reload();
        }}
      >
        <Form.Item name="label" label="用途" rules={[{ required: true, message: '请填写用途，如“12315 数据交换”' }]}>
          <Input style={{ width: 260 }} placeholder="如 12315 数据交换" />
        </Form.Item>
      </ApiForm>
    </Space>
  );
}
