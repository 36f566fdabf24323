import { Card, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { useBureaus } from '../../app/bureaus';
import { useSession } from '../../app/session';
import { ApiForm } from '../../components/ApiForm';

interface DrawnOperator {
  uscc: string;
  name?: string;
  grade: string;
  inspectors: string[];
}

interface Draw {
  id?: string;
  campaign: string;
  bureau: string;
  seed: string;
  perGrade?: Record<string, { population: number; drawn: number; ratio?: number }>;
  operators?: DrawnOperator[];
  items?: DrawnOperator[];
}

/** 双随机: operators drawn per grade ratio with two random inspectors, reproducible from the seed. */
export default function DrawPage() {
  const { user } = useSession();
  const bureaus = useBureaus();
  const [draw, setDraw] = useState<Draw | null>(null);
  const drawn = draw?.operators ?? draw?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="双随机抽查">
        <ApiForm<Draw> layout="inline" initialValues={{ bureau: user!.bureau }} submit={(v) => post<Draw>('/api/v1/inspections/draws', { campaign: v.campaign, bureau: v.bureau, seed: v.seed || undefined })} onDone={setDraw} submitText="抽取" successText="抽取完成">
          <Form.Item name="campaign" label="抽查任务" rules={[{ required: true, message: '请填写抽查任务名称' }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="bureau" label="单位">
            <Select style={{ width: 200 }} options={bureaus.subtree(user!.bureau).map((b) => ({ value: b.code, label: b.name }))} />
          </Form.Item>
          <Form.Item name="seed" label="随机种子（可选，用于复现）">
            <Input style={{ width: 180 }} />
          </Form.Item>
        </ApiForm>
      </Card>
      {draw && (
        <Card title={`抽取结果：${draw.campaign}`}>
          <Descriptions size="small">
            <Descriptions.Item label="单位">{bureaus.name(draw.bureau)}</Descriptions.Item>
            <Descriptions.Item label="随机种子">
              <code>{draw.seed}</code>
            </Descriptions.Item>
            {draw.perGrade && (
              <Descriptions.Item label="各等级抽取">
                {Object.entries(draw.perGrade)
                  .map(([g, v]) => `${g}：${v.drawn}/${v.population}`)
                  .join('，')}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<DrawnOperator>
            size="small"
            rowKey="uscc"
            dataSource={drawn}
            pagination={{ pageSize: 50 }}
            columns={[
              { title: '统一社会信用代码', dataIndex: 'uscc' },
              { title: '名称', dataIndex: 'name' },
              { title: '风险等级', dataIndex: 'grade', render: (g: string) => <Tag>{g}</Tag> },
              { title: '检查人员', dataIndex: 'inspectors', render: (i: string[]) => i.join('、') },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
