import { Card, Col, DatePicker, Descriptions, Form, Input, Result, Row, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { get, post } from '../../api/client';
import type { Lead } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { formatInstant, urgencyOf } from '../../app/dates';
import { CHANNEL_LABELS, label, LEAD_PAUSE_REASONS, LEAD_STATUS_LABELS, options, OUTCOME_LABELS, PAUSE_REASON_LABELS } from '../../app/labels';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { useSoonBoundary } from '../../app/use-soon-boundary';
import { ActionPanel, type Action } from '../../components/ActionPanel';
import { ApiForm } from '../../components/ApiForm';
import { ClockExplanation } from '../../components/ClockExplanation';
import { DueDate } from '../../components/DueDate';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RecordTimeline } from '../../components/RecordTimeline';

const iso = (d?: Dayjs | null) => d?.toISOString();
const OPEN = new Set(['received', 'verifying', 'paused']);
// Leads from a superior are reported back (反馈) once decided (domain.md §3).
const REPORTED_CHANNELS = new Set(['assigned', 'supervised']);

function leadActions(lead: Lead, isSupervisor: boolean, done: (l: Lead) => void, bureaus: { code: string; name: string }[]): Action[] {
  const base = `/api/v1/leads/${lead.id}`;
  const actions: Action[] = [];
  if (lead.status === 'paused') {
    actions.push({
      key: 'resume',
      label: '恢复计时',
      form: (
        <ApiForm submit={(v) => post<Lead>(`${base}/pauses/current/end`, { endedAt: iso(v.endedAt as Dayjs) })} onDone={done} submitText="恢复计时" successText="已恢复计时">
          <Form.Item name="endedAt" label="中止结束时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (lead.status === 'received' || lead.status === 'verifying') {
    actions.push({
      key: 'pause',
      label: '中止计时',
      form: (
        <ApiForm submit={(v) => post<Lead>(`${base}/pauses`, { reason: v.reason, startedAt: iso(v.startedAt as Dayjs) })} onDone={done} submitText="中止计时" successText="已中止计时">
          <Form.Item name="reason" label="中止原因（不计入期限）" rules={[{ required: true, message: '请选择中止原因' }]}>
            <Select options={options(PAUSE_REASON_LABELS, LEAD_PAUSE_REASONS)} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name="startedAt" label="开始时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
    actions.push({
      key: 'decision',
      label: '核查处理',
      form: (
        <ApiForm
          submit={(v) => post<Lead>(`${base}/decision`, { outcome: v.outcome, reason: v.reason || undefined, decidedAt: iso(v.decidedAt as Dayjs), transferTo: v.transferTo || undefined, mergeInto: v.mergeInto || undefined })}
          onDone={done}
          submitText="提交处理决定"
          successText="处理决定已记录"
        >
          <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
            <Select options={options(OUTCOME_LABELS)} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item name="reason" label="理由">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') === 'transfer' ? (
                <Form.Item name="transferTo" label="移送至">
                  <Select showSearch optionFilterProp="label" options={bureaus.map((b) => ({ value: b.code, label: b.name }))} style={{ maxWidth: 320 }} />
                </Form.Item>
              ) : getFieldValue('outcome') === 'merge' ? (
                <Form.Item name="mergeInto" label="合并至线索编号">
                  <Input defaultValue={lead.duplicateOf} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Form.Item name="decidedAt" label="决定时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
    if (isSupervisor && !lead.extended) {
      actions.push({
        key: 'extension',
        label: '批准延期',
        form: (
          <ApiForm submit={(v) => post<Lead>(`${base}/extension`, { reason: v.reason })} onDone={done} submitText="批准延长 15 个工作日" successText="已延期">
            <Form.Item name="reason" label="延期理由" rules={[{ required: true, message: '请填写延期理由' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </ApiForm>
        ),
      });
    }
  }
  if (lead.status === 'decided' && REPORTED_CHANNELS.has(lead.channel) && !lead.reportedBackAt) {
    actions.push({
      key: 'report-back',
      label: '向上级反馈',
      form: (
        <ApiForm submit={(v) => post<Lead>(`${base}/report-back`, { reportedAt: iso(v.reportedAt as Dayjs) })} onDone={done} submitText="记录反馈" successText="已记录反馈">
          <Form.Item name="reportedAt" label="反馈时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  return actions;
}

export default function LeadPage({ params }: { params: { id: string } }) {
  const { is } = useSession();
  const { name, all } = useBureaus();
  const { today, soon } = useSoonBoundary();
  const lead = useApi(() => get<Lead>(`/api/v1/leads/${params.id}`), [params.id]);
  if (lead.error?.status === 404) return <Result status="404" title="线索不存在" subTitle={lead.error.message} />;
  const l = lead.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={lead.error} />
      <Card loading={lead.loading} title={l ? `线索：${l.title}` : '线索'} extra={l && <Tag color="blue">{label(LEAD_STATUS_LABELS, l.status)}</Tag>}>
        {l && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="编号">{l.id}</Descriptions.Item>
            <Descriptions.Item label="来源渠道">{label(CHANNEL_LABELS, l.channel)}</Descriptions.Item>
            <Descriptions.Item label="涉网">{l.online ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="承办局">{name(l.bureau)}</Descriptions.Item>
            <Descriptions.Item label="接收时间">{formatInstant(l.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="核查期限">
              <DueDate date={l.dueDate} urgency={urgencyOf(l.dueDate, OPEN.has(l.status), today, soon)} provisional={l.provisional} ruleUnconfirmed={l.ruleUnconfirmed} />
              {l.extended && <Tag color="purple">已延期</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="当事人">{[l.subject.name, l.subject.uscc, l.subject.platform].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="处理结果">
              {label(OUTCOME_LABELS, l.outcome)}
              {l.transferTo && `：移送至${name(l.transferTo)}`}
            </Descriptions.Item>
            {l.transferredLeadId && (
              <Descriptions.Item label="接收局线索">
                <Link to={`/leads/${l.transferredLeadId}`}>{l.transferredLeadId.slice(0, 8)}…</Link>
              </Descriptions.Item>
            )}
            {l.onTime !== undefined && <Descriptions.Item label="是否按时">{l.onTime ? <Tag color="green">按时</Tag> : <Tag color="red">超期</Tag>}</Descriptions.Item>}
            {l.caseId && (
              <Descriptions.Item label="立案">
                <Link to={`/cases/${l.caseId}`}>查看案件</Link>
              </Descriptions.Item>
            )}
            {l.duplicateOf && (
              <Descriptions.Item label="疑似重复">
                <Link to={`/leads/${l.duplicateOf}`}>{l.duplicateOf}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      {l && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <ClockExplanation key={`${l.status}-${l.pauses.length}-${l.extended}`} path={`/api/v1/leads/${l.id}/clock`} />
              {!l.readOnly && <ActionPanel actions={leadActions(l, is('supervisor'), (next) => lead.set(next), all)} />}
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <RecordTimeline
              entries={[
                { at: l.receivedAt, text: `接收线索（${label(CHANNEL_LABELS, l.channel)}）`, color: 'blue' },
                ...l.pauses.flatMap((p) => [
                  { at: p.startedAt, text: `因${label(PAUSE_REASON_LABELS, p.reason)}中止计时`, color: 'orange' },
                  { at: p.endedAt, text: '恢复计时', color: 'green' },
                ]),
                { at: l.extension?.approvedAt, text: `${l.extension?.approvedBy} 批准延期：${l.extension?.reason}`, color: 'purple' },
                { at: l.decidedAt, text: `作出处理决定：${label(OUTCOME_LABELS, l.outcome)}`, color: 'purple' },
                { at: l.reportedBackAt, text: '已向上级反馈', color: 'green' },
              ]}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
