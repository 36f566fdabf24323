import { Alert, Card, Descriptions, Form, InputNumber, Space, Tag } from 'antd';
import { get, put } from '../../api/client';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface RulePeriod {
  name: string;
  length: number;
  unit: 'working' | 'calendar';
}

interface RuleSet {
  id: string;
  version: number;
  title?: string;
  effectiveFrom: string;
  unconfirmed?: boolean;
  periods?: Record<string, RulePeriod | { length: number; unit: string }>;
}

const UNIT: Record<string, string> = { working: '个工作日', calendar: '日' };
const PERIOD_LABELS: Record<string, string> = { acceptance: '受理期限', mediation: '调解期限', mediationTerminationNotice: '终止调解告知期限', reporterNotice: '举报人告知期限' };

function Confirm({ rule, done }: { rule: RuleSet; done(): void }) {
  const periods = Object.entries(rule.periods ?? {});
  return (
    <ApiForm
      initialValues={Object.fromEntries(periods.map(([k, p]) => [k, p.length]))}
      submit={(v) => put('/api/v1/rule-sets/order-121', { periods: Object.fromEntries(periods.map(([k, p]) => [k, { length: v[k], unit: p.unit }])) })}
      onDone={done}
      submitText="确认规则"
      successText="规则已确认"
    >
      {periods.map(([key, p]) => (
        <Form.Item key={key} name={key} label={`${'name' in p ? p.name : (PERIOD_LABELS[key] ?? key)}（${UNIT[p.unit] ?? p.unit}）`} rules={[{ required: true, message: '请填写期限' }]}>
          <InputNumber min={1} max={3650} />
        </Form.Item>
      ))}
    </ApiForm>
  );
}

/** Order 121 applies from 2026-04-15 but stays "unconfirmed" until an admin enters its values. */
export default function RuleSetsPage() {
  // Order 121 is the one rule set awaiting confirmation today; others are shipped confirmed.
  const rules = useApi(async () => ({ items: [await get<RuleSet>('/api/v1/rule-sets/order-121')] }), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title="新规则在管理员确认其期限前，适用记录按旧规则计算并标注“规则待确认”；确认本身会被审计记录。" />
      <ErrorAlert error={rules.error} />
      {(rules.data?.items ?? []).map((r) => (
        <Card key={`${r.id}-${r.version}`} title={r.title ?? r.id} extra={r.unconfirmed ? <Tag color="gold">待确认</Tag> : <Tag color="green">已确认</Tag>}>
          <Descriptions size="small">
            <Descriptions.Item label="编号">{r.id}</Descriptions.Item>
            <Descriptions.Item label="版本">v{r.version}</Descriptions.Item>
            <Descriptions.Item label="施行日期">{r.effectiveFrom}</Descriptions.Item>
          </Descriptions>
          <Confirm rule={r} done={rules.reload} />
        </Card>
      ))}
    </Space>
  );
}
