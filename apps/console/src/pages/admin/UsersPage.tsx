import { Card, Form, Input, Select, Space, Table } from 'antd';
import { get, post } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { options, ROLE_LABELS } from '../../app/labels';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiKeysPanel } from './ApiKeysPanel';

export default function UsersPage() {
  const { is } = useSession();
  const { name } = useBureaus();
  const users = useApi(() => get<{ items: SessionUser[] }>('/api/v1/users'), []);
  const [form] = Form.useForm();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="用户">
        <ErrorAlert error={users.error} />
        <Table<SessionUser>
          rowKey="username"
          size="small"
          loading={users.loading}
          dataSource={users.data?.items}
          pagination={{ pageSize: 20 }}
          expandable={
            is('admin')
              ? { rowExpandable: (u) => u.role === 'integration', expandedRowRender: (u) => <ApiKeysPanel username={u.username} />, columnTitle: 'API 密钥' }
              : undefined
          }
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'role', render: (r: SessionUser['role']) => ROLE_LABELS[r] ?? r },
            { title: '所属局', dataIndex: 'bureau', render: (b: string) => `${name(b)}（${b}）` },
          ]}
        />
      </Card>
      {is('admin') && (
        <Card title="新建用户">
          {/* The bureau is typed as its division code so an unknown code gets the API's own answer. */}
          <ApiForm
            form={form}
            submit={(v) => post<SessionUser>('/api/v1/users', { username: v.username, password: v.password, role: v.role, bureau: v.bureau, displayName: v.displayName || undefined })}
            successText="用户已创建"
            submitText="创建"
            initialValues={{ role: 'officer' }}
            onDone={() => {
              form.resetFields();
              users.reload();
            }}
          >
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
              <Input style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item name="displayName" label="姓名">
              <Input style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请填写初始密码' }]}>
              <Input.Password style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item name="role" label="角色">
              <Select options={options(ROLE_LABELS)} style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item name="bureau" label="所属局（6 位行政区划代码）" rules={[{ required: true, message: '请填写所属局代码' }]}>
              <Input style={{ maxWidth: 320 }} placeholder="如 320902" />
            </Form.Item>
          </ApiForm>
        </Card>
      )}
    </Space>
  );
}
