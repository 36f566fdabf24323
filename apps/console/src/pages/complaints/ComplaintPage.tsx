import { Card, Col, DatePicker, Descriptions, Form, Input, Result, Row, Select, Space, Switch, Tag, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { get, post } from '../../api/client';
import type { Complaint } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { formatInstant, urgencyOf } from '../../app/dates';
import { COMPLAINT_STATUS_LABELS, label, MEDIATION_RESULT_LABELS, options, PAUSE_REASON_LABELS, REFUSAL_REASON_LABELS, SATISFACTION_LABELS } from '../../app/labels';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { ActionPanel, type Action } from '../../components/ActionPanel';
import { ApiForm } from '../../components/ApiForm';
import { ClockExplanation } from '../../components/ClockExplanation';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordTimeline } from '../../components/RecordTimeline';

const iso = (d?: Dayjs | null) => d?.toISOString();
// Mediation may only pause for testing, inspection, quarantine or appraisal (检测、检验、检疫、鉴定).
const MEDIATION_PAUSE_REASONS = ['testing', 'inspection', 'quarantine', 'appraisal'];

function complaintActions(c: Complaint, done: (c: Complaint) => void, bureaus: { code: string; name: string }[]): Action[] {
  const base = `/api/v1/complaints/${c.id}`;
  const actions: Action[] = [];
  if (c.status === 'received') {
    actions.push({
      key: 'acceptance',
      label: '受理决定',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/acceptance`, { accepted: v.accepted, reason: v.reason || undefined, decidedAt: iso(v.decidedAt as Dayjs) })} onDone={done} initialValues={{ accepted: true }} submitText="提交受理决定">
          <Form.Item name="accepted" label="受理" valuePropName="checked">
            <Switch checkedChildren="受理" unCheckedChildren="不予受理" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.accepted !== b.accepted}>
            {({ getFieldValue }) =>
              getFieldValue('accepted') ? null : (
                <Form.Item name="reason" label="不予受理理由" rules={[{ required: true, message: '请选择不予受理理由' }]}>
                  <Select options={options(REFUSAL_REASON_LABELS)} style={{ maxWidth: 420 }} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="decidedAt" label="决定时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
    actions.push({
      key: 'forward',
      label: '转送',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/forward`, { toBureau: v.toBureau, forwardedAt: iso(v.forwardedAt as Dayjs) })} onDone={done} submitText="转送有管辖权的局">
          <Form.Item name="toBureau" label="转送至" rules={[{ required: true, message: '请选择局' }]}>
            <Select showSearch optionFilterProp="label" options={bureaus.map((b) => ({ value: b.code, label: b.name }))} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name="forwardedAt" label="转送时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (c.status === 'mediating') {
    actions.push({
      key: 'pause',
      label: '中止调解计时',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/pauses`, { reason: v.reason, startedAt: iso(v.startedAt as Dayjs) })} onDone={done} submitText="中止计时">
          <Form.Item name="reason" label="中止原因（不计入期限）" rules={[{ required: true, message: '请选择中止原因' }]}>
            <Select options={options(PAUSE_REASON_LABELS, MEDIATION_PAUSE_REASONS)} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name="startedAt" label="开始时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (c.status === 'paused') {
    actions.push({
      key: 'resume',
      label: '恢复调解计时',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/pauses/current/end`, { endedAt: iso(v.endedAt as Dayjs) })} onDone={done} submitText="恢复计时">
          <Form.Item name="endedAt" label="中止结束时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (c.status === 'mediating' || c.status === 'paused') {
    actions.push({
      key: 'mediation',
      label: '调解结果',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/mediation-result`, { result: v.result, endedAt: iso(v.endedAt as Dayjs) })} onDone={done} submitText="记录调解结果">
          <Form.Item name="result" label="调解结果" rules={[{ required: true, message: '请选择调解结果' }]}>
            <Select options={options(MEDIATION_RESULT_LABELS)} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="endedAt" label="调解终结时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (c.status === 'mediation_ended') {
    actions.push({
      key: 'close',
      label: '办结',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/close`, { closedAt: iso(v.closedAt as Dayjs) })} onDone={done} submitText="办结（已告知消费者）">
          <Form.Item name="closedAt" label="办结时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if ((c.status === 'closed' || c.status === 'odr_closed') && !c.satisfaction) {
    actions.push({
      key: 'rating',
      label: '满意度',
      form: (
        <ApiForm submit={(v) => post<Complaint>(`${base}/rating`, { satisfaction: v.satisfaction })} onDone={done} submitText="记录评价">
          <Form.Item name="satisfaction" label="消费者评价" rules={[{ required: true, message: '请选择评价' }]}>
            <Select options={options(SATISFACTION_LABELS)} style={{ maxWidth: 240 }} />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  return actions;
}

/** A value the API masked (138****5678) is marked so nobody mistakes it for the real one. */
function Personal({ value }: { value?: string }) {
  if (!value) return <>—</>;
  return value.includes('*') ? (
    <Tooltip title="按权限脱敏显示">
      <span>
        {value} <Tag>已脱敏</Tag>
      </span>
    </Tooltip>
  ) : (
    <>{value}</>
  );
}

export default function ComplaintPage({ params }: { params: { id: string } }) {
  const { name, all } = useBureaus();
  const { today, soon } = useSoonBoundary();
  const record = useApi(() => get<Complaint>(`/api/v1/complaints/${params.id}`), [params.id]);
  if (record.error?.status === 404) return <Result status="404" title="投诉不存在" subTitle={record.error.message} />;
  const c = record.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={record.error} />
      <Card loading={record.loading} title="投诉详情" extra={c && <Tag color="blue">{label(COMPLAINT_STATUS_LABELS, c.status)}</Tag>}>
        {c && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="编号">{c.id}</Descriptions.Item>
            <Descriptions.Item label="承办局">{name(c.bureau)}</Descriptions.Item>
            <Descriptions.Item label="接收时间">{formatInstant(c.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="投诉人">
              <Personal value={c.consumer.name} />
            </Descriptions.Item>
            <Descriptions.Item label="电话">
              <Personal value={c.consumer.phone} />
            </Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <Personal value={c.consumer.idNumber} />
            </Descriptions.Item>
            <Descriptions.Item label="被投诉方">{[c.operator.name, c.operator.uscc, c.operator.platform].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="受理期限">
              <DueDate date={c.acceptanceDueDate} urgency={urgencyOf(c.acceptanceDueDate, c.status === 'received', today, soon)} ruleUnconfirmed={c.ruleUnconfirmed} />
            </Descriptions.Item>
            <Descriptions.Item label="调解期限">
              <DueDate date={c.mediationDueDate} urgency={urgencyOf(c.mediationDueDate, c.status === 'mediating' || c.status === 'mediation_ended', today, soon)} />
            </Descriptions.Item>
            <Descriptions.Item label="调解结果">{label(MEDIATION_RESULT_LABELS, c.mediationResult)}</Descriptions.Item>
            <Descriptions.Item label="满意度">{label(SATISFACTION_LABELS, c.satisfaction)}</Descriptions.Item>
            <Descriptions.Item label="投诉内容">{c.description ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {/* Keyed by status: acceptance, mediation and notice clocks appear as the complaint moves on. */}
              <ClockExplanation key={c.status} path={`/api/v1/complaints/${c.id}/clock`} />
              <ActionPanel actions={complaintActions(c, (next) => record.set(next), all)} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <RecordTimeline
              entries={[
                { at: c.receivedAt, text: '接收投诉', color: 'blue' },
                ...(c.forwards ?? []).map((f) => ({ at: f.at, text: `由${name(f.from)}转送至${name(f.to)}`, color: 'purple' })),
                { at: c.acceptance?.decidedAt, text: c.acceptance?.accepted ? '受理' : `不予受理：${label(REFUSAL_REASON_LABELS, c.acceptance?.reason)}`, color: c.acceptance?.accepted ? 'green' : 'red' },
                { at: c.mediationEndedAt, text: `调解终结：${label(MEDIATION_RESULT_LABELS, c.mediationResult)}` },
                { at: c.closedAt, text: '办结', color: 'green' },
              ]}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
