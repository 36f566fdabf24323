import { Card, DatePicker, Descriptions, Form, Input, Result, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api/client';
import type { CreditFactor, CreditGrade, CreditRecordItem, CreditRepair } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { navigate, useLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RepairDecision } from './RepairDecision';

const GRADE: Record<string, { text: string; color: string }> = {
  A: { text: 'A 低风险', color: 'green' },
  B: { text: 'B 一般风险', color: 'blue' },
  C: { text: 'C 较高风险', color: 'orange' },
  D: { text: 'D 高风险', color: 'red' },
};
const KIND: Record<string, string> = { platform: '平台经营者', in_platform: '平台内经营者', own_site: '自建网站经营者', other: '其他' };
const RECORD_KIND: Record<string, string> = { penalty: '行政处罚', soft_measure: '柔性监管措施', commitment: '信用承诺', positive: '守信激励' };
const REPAIR_STATUS: Record<CreditRepair['status'], { text: string; color: string }> = {
  pending: { text: '待审批', color: 'gold' },
  approved: { text: '已批准', color: 'green' },
  rejected: { text: '已驳回', color: 'red' },
};

interface Operator {
  uscc: string;
  name: string;
  kind: string;
  domicileBureau: string | null;
  businessBureau: string | null;
  platform: string | null;
  grade?: string;
}

function OperatorView({ uscc }: { uscc: string }) {
  const { name } = useBureaus();
  const [asOf, setAsOf] = useState<string>();
  const operator = useApi(() => get<Operator>(`/api/v1/operators/${uscc}`), [uscc]);
  const credit = useApi(() => get<CreditGrade>(`/api/v1/operators/${uscc}/credit`, { asOf }), [uscc, asOf]);
  const repairs = useApi(() => get<{ items: CreditRepair[] }>(`/api/v1/operators/${uscc}/credit-repairs`), [uscc]);
  const { is } = useSession();
  const records = credit.data?.record.items ?? [];
  const describeRecord = (id: string) => {
    const r = records.find((x) => x.id === id);
    return r ? `${r.date} ${RECORD_KIND[r.kind] ?? r.kind}` : id.slice(0, 8);
  };
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
              <Descriptions.Item label="扣分合计">{credit.data.score}</Descriptions.Item>
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
      {credit.data && (
        <Card title="信用记录">
          <Table<CreditRecordItem>
            size="small"
            rowKey="id"
            dataSource={records}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '类型', dataIndex: 'kind', width: 120, render: (k: string) => RECORD_KIND[k] ?? k },
              { title: '作出机关', dataIndex: 'bureau', width: 140, render: (b: string) => name(b) },
              { title: '说明', dataIndex: 'description' },
              {
                title: '状态',
                width: 160,
                render: (_: unknown, r) =>
                  r.voided ? (
                    <Tag color="default" title={r.voided.reason}>
                      {r.voided.date} 已作废
                    </Tag>
                  ) : r.repairedDate ? (
                    <Tag color="green">{r.repairedDate} 已修复</Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {credit.data.record.listEntries.length > 0 && (
            <Descriptions size="small" style={{ marginTop: 12 }} column={1}>
              {credit.data.record.listEntries.map((e) => (
                <Descriptions.Item key={e.id} label={`${e.enteredDate} 列入${e.list}`}>
                  {e.reason}
                  {e.removedDate ? `（${e.removedDate} 移出）` : ''}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
        </Card>
      )}
      <Card title="信用修复申请">
        <ErrorAlert error={repairs.error} />
        <Table<CreditRepair>
          size="small"
          rowKey="id"
          loading={repairs.loading}
          dataSource={repairs.data?.items}
          pagination={false}
          columns={[
            { title: '申请时间', dataIndex: 'requestedAt', width: 120, render: (d: string) => d.slice(0, 10) },
            { title: '修复的记录', dataIndex: 'recordId', render: describeRecord },
            { title: '理由', dataIndex: 'reason' },
            { title: '状态', dataIndex: 'status', width: 90, render: (st: CreditRepair['status']) => <Tag color={REPAIR_STATUS[st].color}>{REPAIR_STATUS[st].text}</Tag> },
            {
              title: '审批',
              width: 320,
              render: (_: unknown, r) =>
                r.status === 'pending' && is('supervisor') ? (
                  <RepairDecision
                    repair={r}
                    done={() => {
                      repairs.reload();
                      credit.reload();
                    }}
                  />
                ) : (
                  (r.decision?.reason ?? '—')
                ),
            },
          ]}
        />
      </Card>
      <Card title="申请信用修复">
        <ApiForm
          submit={(v) => post(`/api/v1/operators/${uscc}/credit-repairs`, { recordId: v.recordId, reason: v.reason, evidence: v.evidence || undefined })}
          onDone={repairs.reload}
          submitText="提交申请"
          successText="已提交，待监管负责人审批"
        >
          <Form.Item name="recordId" label="申请修复的处罚记录" rules={[{ required: true, message: '请选择要修复的记录' }]}>
            <Select
              style={{ maxWidth: 480 }}
              options={records.filter((r) => r.kind === 'penalty' && !r.repairedDate && !r.voided).map((r) => ({ value: r.id, label: `${r.date} ${r.description}` }))}
              notFoundContent="无可修复的处罚记录"
            />
          </Form.Item>
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
