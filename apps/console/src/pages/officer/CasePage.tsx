import { Alert, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Result, Row, Select, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { get, post } from '../../api/client';
import type { CaseRecord } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { formatInstant, urgencyOf } from '../../app/dates';
import { CASE_PAUSE_REASONS, CASE_RESULT_LABELS, CASE_STATUS_LABELS, CASE_STEP_LABELS, label, options, PAUSE_REASON_LABELS, PENALTY_TYPE_LABELS, REVIEW_OUTCOMES } from '../../app/labels';
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
import { EvidenceCard } from './EvidenceCard';

const iso = (d?: Dayjs | null) => d?.toISOString();
const PROCEDURE_LABELS: Record<string, string> = { ordinary: '普通程序', fast_track: '快速办理', simplified: '简易程序' };
const FINISHED = new Set(['closed']);

function caseActions(c: CaseRecord, isSupervisor: boolean, done: (c: CaseRecord) => void, bureaus: { code: string; name: string }[]): Action[] {
  const base = `/api/v1/cases/${c.id}`;
  const paused = c.status === 'paused' || c.pauses.some((p) => !p.endedAt);
  if (FINISHED.has(c.status)) {
    return c.status === 'closed'
      ? [
          {
            key: 'review',
            label: '复议/诉讼结果',
            form: (
              <ApiForm submit={(v) => post<CaseRecord>(`${base}/reviews`, { kind: v.kind, outcome: v.outcome, procedural: v.procedural ?? false, concludedAt: iso(v.concludedAt as Dayjs) })} onDone={done}>
                <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                  <Select options={[{ value: 'reconsideration', label: '行政复议' }, { value: 'litigation', label: '行政诉讼' }]} style={{ maxWidth: 240 }} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]}>
                      <Select options={options(REVIEW_OUTCOMES[getFieldValue('kind') as string] ?? {})} style={{ maxWidth: 240 }} />
                    </Form.Item>
                  )}
                </Form.Item>
                <Form.Item name="procedural" label="因程序违法" valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item name="concludedAt" label="审结时间">
                  <DatePicker showTime />
                </Form.Item>
              </ApiForm>
            ),
          },
        ]
      : [];
  }
  const actions: Action[] = [];
  actions.push(
    paused
      ? {
          key: 'resume',
          label: '恢复计时',
          form: (
            <ApiForm submit={(v) => post<CaseRecord>(`${base}/pauses/current/end`, { endedAt: iso(v.endedAt as Dayjs) })} onDone={done} submitText="恢复计时">
              <Form.Item name="endedAt" label="中止结束时间（默认当前）">
                <DatePicker showTime />
              </Form.Item>
            </ApiForm>
          ),
        }
      : {
          key: 'pause',
          label: '中止计时',
          form: (
            <ApiForm submit={(v) => post<CaseRecord>(`${base}/pauses`, { reason: v.reason, startedAt: iso(v.startedAt as Dayjs) })} onDone={done} submitText="中止计时">
              <Form.Item name="reason" label="中止原因" rules={[{ required: true, message: '请选择中止原因' }]}>
                <Select options={options(PAUSE_REASON_LABELS, CASE_PAUSE_REASONS)} style={{ maxWidth: 320 }} />
              </Form.Item>
              <Form.Item name="startedAt" label="开始时间（默认当前）">
                <DatePicker showTime />
              </Form.Item>
            </ApiForm>
          ),
        },
  );
  actions.push({
    key: 'step',
    label: '办案环节',
    form: (
      <ApiForm submit={(v) => post<CaseRecord>(`${base}/steps`, { step: v.step, at: iso(v.at as Dayjs) })} onDone={done} submitText="记录环节">
        <Form.Item name="step" label="环节" rules={[{ required: true, message: '请选择环节' }]}>
          <Select options={options(CASE_STEP_LABELS)} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="at" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker showTime />
        </Form.Item>
      </ApiForm>
    ),
  });
  if (!c.decision) {
    actions.push({
      key: 'decision',
      label: '作出决定',
      form: (
        <ApiForm
          submit={(v) =>
            post<CaseRecord>(`${base}/decision`, {
              result: v.result,
              decidedAt: iso(v.decidedAt as Dayjs),
              penalties: v.result === 'penalty' ? ((v.penalties as string[] | undefined) ?? []).map((type) => ({ type, amount: type === 'fine' ? v.amount : undefined })) : undefined,
            })
          }
          onDone={done}
          submitText="记录决定"
        >
          <Form.Item name="result" label="决定" rules={[{ required: true, message: '请选择决定' }]}>
            <Select options={options(CASE_RESULT_LABELS)} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="penalties" label="处罚种类">
            <Select mode="multiple" options={options(PENALTY_TYPE_LABELS)} style={{ maxWidth: 420 }} />
          </Form.Item>
          <Form.Item name="amount" label="罚款金额（元）">
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="decidedAt" label="决定时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
    // A case transferred in may not be passed on (the receiving bureau disputes jurisdiction instead).
    if (c.transfers.length === 0) {
      actions.push({
        key: 'transfer',
        label: '移送管辖',
        form: (
          <ApiForm submit={(v) => post<CaseRecord>(`${base}/transfer`, { toBureau: v.toBureau, reason: v.reason, transferredAt: iso(v.transferredAt as Dayjs) })} onDone={done} submitText="移送" successText="已移送">
            <Form.Item name="toBureau" label="移送至" rules={[{ required: true, message: '请选择有管辖权的局' }]}>
              <Select showSearch optionFilterProp="label" options={bureaus.filter((b) => b.code !== c.bureau).map((b) => ({ value: b.code, label: b.name }))} style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item name="reason" label="移送理由" rules={[{ required: true, message: '请填写移送理由' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="transferredAt" label="移送时间（默认当前）">
              <DatePicker showTime />
            </Form.Item>
          </ApiForm>
        ),
      });
    }
    actions.push({
      key: 'police',
      label: '移送公安',
      form: (
        <ApiForm submit={(v) => post<CaseRecord>(`${base}/police-transfer`, { organ: v.organ, reason: v.reason, transferredAt: iso(v.transferredAt as Dayjs) })} onDone={done} submitText="移送公安机关">
          <Form.Item name="organ" label="接收机关" rules={[{ required: true, message: '请填写接收机关' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label="涉嫌犯罪事由" rules={[{ required: true, message: '请填写事由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="transferredAt" label="移送时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  } else {
    actions.push({
      key: 'close',
      label: '结案',
      form: (
        <ApiForm submit={(v) => post<CaseRecord>(`${base}/close`, { closedAt: iso(v.closedAt as Dayjs) })} onDone={done} submitText="结案">
          <Form.Item name="closedAt" label="结案时间（默认当前）">
            <DatePicker showTime />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  if (isSupervisor && !c.decision) {
    actions.push({
      key: 'extension',
      label: '批准延期',
      form: (
        <ApiForm submit={(v) => post<CaseRecord>(`${base}/extension`, { kind: v.kind, reason: v.reason, newDueDate: (v.newDueDate as Dayjs | undefined)?.format('YYYY-MM-DD') })} onDone={done} initialValues={{ kind: 'standard' }} submitText="批准">
          <Form.Item name="kind" label="延期方式">
            <Select options={[{ value: 'standard', label: '延长 30 日' }, { value: 'collective', label: '负责人集体讨论决定' }]} style={{ maxWidth: 280 }} />
          </Form.Item>
          <Form.Item name="newDueDate" label="新的办理期限（集体讨论时必填）">
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ApiForm>
      ),
    });
  }
  return actions;
}

function lastTransfer(c: CaseRecord, name: (code: string) => string): string | undefined {
  const t = c.transfers.at(-1);
  return t && `${formatInstant(t.at)} 由${name(t.from)}移送${t.reason ? `，理由：${t.reason}` : ''}`;
}

export default function CasePage({ params }: { params: { id: string } }) {
  const { is } = useSession();
  const { name, all } = useBureaus();
  const { today, soon } = useSoonBoundary();
  const record = useApi(() => get<CaseRecord>(`/api/v1/cases/${params.id}`), [params.id]);
  if (record.error?.status === 404) return <Result status="404" title="案件不存在" subTitle={record.error.message} />;
  const c = record.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={record.error} />
      {c?.readOnly && <Alert type="info" showIcon title={`本案已移送${name(c.bureau)}办理，本局仅可查阅`} description={lastTransfer(c, name)} />}
      <Card loading={record.loading} title={c ? `案件：${c.title ?? c.id}` : '案件'} extra={c && <Tag color="purple">{label(CASE_STATUS_LABELS, c.status)}</Tag>}>
        {c && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="编号">{c.id}</Descriptions.Item>
            <Descriptions.Item label="程序">{label(PROCEDURE_LABELS, c.procedure)}</Descriptions.Item>
            <Descriptions.Item label="来源线索">{c.leadId ? <Link to={`/leads/${c.leadId}`}>{c.leadId.slice(0, 8)}…</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label="承办局">{name(c.bureau)}</Descriptions.Item>
            <Descriptions.Item label="立案局">{name(c.originBureau)}</Descriptions.Item>
            <Descriptions.Item label="立案时间">{formatInstant(c.filedAt)}</Descriptions.Item>
            <Descriptions.Item label="办理期限">
              <DueDate date={c.dueDate} urgency={urgencyOf(c.dueDate, !FINISHED.has(c.status) && !c.decision, today, soon)} provisional={c.provisional} />
            </Descriptions.Item>
            <Descriptions.Item label="决定">{c.decision ? label(CASE_RESULT_LABELS, c.decision.result) : '—'}</Descriptions.Item>
            <Descriptions.Item label="结案时间">{formatInstant(c.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {c.procedure !== 'simplified' && <ClockExplanation key={`${c.status}-${c.pauses.length}-${c.extensions.length}`} path={`/api/v1/cases/${c.id}/clock`} />}
              {/* Transferred away: the sender keeps the history, the receiving bureau acts on it. */}
              {!c.readOnly && <ActionPanel actions={caseActions(c, is('supervisor'), (next) => record.set(next), all)} />}
              <EvidenceCard caseId={c.id} items={c.evidence ?? []} onAdded={record.reload} readOnly={c.readOnly} />
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <RecordTimeline
              entries={[
                { at: c.filedAt, text: '立案', color: 'blue' },
                ...c.pauses.flatMap((p) => [
                  { at: p.startedAt, text: `因${label(PAUSE_REASON_LABELS, p.reason)}中止计时`, color: 'orange' },
                  { at: p.endedAt, text: '恢复计时', color: 'green' },
                ]),
                ...(c.steps ?? []).map((s) => ({ at: s.at, text: label(CASE_STEP_LABELS, s.step) })),
                ...c.transfers.map((t) => ({ at: t.at, text: `由${name(t.from)}移送至${name(t.to)}`, color: 'purple' })),
                { at: c.decision?.decidedAt, text: `决定：${label(CASE_RESULT_LABELS, c.decision?.result)}`, color: 'red' },
                { at: c.closedAt, text: '结案', color: 'green' },
                ...c.reviews.map((r) => ({ at: r.concludedAt, text: `${r.kind === 'litigation' ? '行政诉讼' : '行政复议'}：${label(REVIEW_OUTCOMES[r.kind] ?? {}, r.outcome)}` })),
              ]}
            />
          </Col>
        </Row>
      )}
    </Space>
  );
}
