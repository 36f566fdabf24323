import { Card, DatePicker, Descriptions, Form, Input, Result, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api/client';
import type { CreditFactor, CreditGrade } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { navigate, useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

const GRADE: Record<string, { text: string; color: string }> = {
  A: { text: 'A 低风险', color: 'green' },
  B: { text: 'B 一般风险', color: 'blue' },
  C: { text: 'C 较高风险', color: 'orange' },
  D: { text: 'D 高风险', color: 'red' },
};
const KIND: Record<string, string> = { platform: '平台经营者', in_platform: '平台内经营者', own_site: '自建网站经营者', other: '其他' };

interface Operator {
  uscc: string;
  name: string;
  kind: string;
  domicileBureau: string;
  businessBureau?: string;
  platform?: string;
  grade?: string;
  record?: { type: string; label?: string; at?: string; date?: string; detail?: string }[];
}

function OperatorView({ uscc }: { uscc: string }) {
  const { name } = useBureaus();
  const [asOf, setAsOf] = useState<string>();
  const operator = useApi(() => get<Operator>(`/api/v1/operators/${uscc}`), [uscc]);
  const credit = useApi(() => get<CreditGrade>(`/api/v1/operators/${uscc}/credit`, { asOf }), [uscc, asOf]);
  if (operator.error?.status === 404) return <Result status="404" title="未找到该经营者" subTitle={operator.error.message} />;
  const o = operator.data;
  const grade = credit.data?.grade ?? o?.grade;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={operator.error} />
      <Card loading={operator.loading} title={o?.name ?? uscc} extra={grade && <Tag color={GRADE[grade]?.color}>{GRADE[grade]?.text ?? grade}</Tag>}>
        {o && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="统一社会信用代码">{o.uscc}</Descriptions.Item>
            <Descriptions.Item label="类型">{KIND[o.kind] ?? o.kind}</Descriptions.Item>
            <Descriptions.Item label="所在平台">{o.platform ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="登记机关">{name(o.domicileBureau)}</Descriptions.Item>
            <Descriptions.Item label="实际经营地">{name(o.businessBureau)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        title="风险等级与评分依据"
        extra={<DatePicker placeholder="按历史日期重算" onChange={(d: Dayjs | null) => setAsOf(d?.format('YYYY-MM-DD'))} />}
        loading={credit.loading}
      >
        <ErrorAlert error={credit.error} />
        {credit.data && (
          <>
            <Descriptions size="small">
              <Descriptions.Item label="计算日期">{credit.data.asOf}</Descriptions.Item>
              <Descriptions.Item label="规则版本">{String(credit.data.ruleVersion)}</Descriptions.Item>
            </Descriptions>
            <Table<CreditFactor>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={credit.data.factors}
              columns={[
                { title: '因素', dataIndex: 'label' },
                { title: '分值', dataIndex: 'points', width: 100 },
                { title: '来源', dataIndex: 'source' },
              ]}
            />
          </>
        )}
      </Card>
      {o?.record && (
        <Card title="信用记录">
          <Table size="small" rowKey={(_, i) => String(i)} dataSource={o.record} pagination={{ pageSize: 20 }} columns={[{ title: '日期', render: (_: unknown, r) => r.date ?? r.at ?? '—' }, { title: '类型', render: (_: unknown, r) => r.label ?? r.type }, { title: '说明', dataIndex: 'detail' }]} />
        </Card>
      )}
      <Card title="申请信用修复">
        <ApiForm submit={(v) => post(`/api/v1/operators/${uscc}/credit-repairs`, { reason: v.reason, evidence: v.evidence || undefined })} submitText="提交申请" successText="已提交，待监管负责人审批">
          <Form.Item name="reason" label="申请理由" rules={[{ required: true, message: '请填写申请理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="evidence" label="证明材料说明">
            <Input />
          </Form.Item>
        </ApiForm>
      </Card>
    </Space>
  );
}

/** An operator's grade, the factors behind it, and its credit record (domain.md §6). */
export default function OperatorPage() {
  const { query } = useLocation();
  const uscc = query.get('uscc') ?? '';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="经营者信用查询">
        <Input.Search placeholder="输入 18 位统一社会信用代码" enterButton="查询" defaultValue={uscc} onSearch={(v) => v && navigate(`/operators?uscc=${encodeURIComponent(v.trim().toUpperCase())}`)} style={{ maxWidth: 480 }} />
      </Card>
      {uscc && <OperatorView key={uscc} uscc={uscc} />}
    </Space>
  );
}
