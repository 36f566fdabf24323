import { Card, Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../api/client';
import type { Lead } from '../../api/types';
import { CHANNEL_LABELS, options } from '../../app/labels';
import { navigate } from '../../app/router';
import { ApiForm } from '../../components/ApiForm';

const date = (d?: Dayjs | null) => d?.format('YYYY-MM-DD');

/** Intake (线索登记): the service validates every field, the form shows its answer per field. */
export default function NewLeadPage() {
  const submit = (v: Record<string, unknown>) => {
    const subject = v.subject as Record<string, string | undefined>;
    const reporter = v.reporter as Record<string, string | boolean | undefined> | undefined;
    return post<Lead>('/api/v1/leads', {
      channel: v.channel,
      online: v.online,
      receivedAt: (v.receivedAt as Dayjs | undefined)?.toISOString(),
      title: v.title,
      description: v.description || undefined,
      subject: Object.fromEntries(Object.entries(subject ?? {}).filter(([, x]) => x)),
      reporter: reporter?.name ? { name: reporter.name, phone: reporter.phone, realName: !!reporter.realName } : undefined,
      superiorDueDate: date(v.superiorDueDate as Dayjs | undefined),
      platformDueDate: date(v.platformDueDate as Dayjs | undefined),
      externalRef: v.externalRef || undefined,
    });
  };
  return (
    <Card title="线索登记">
      <ApiForm submit={submit} submitText="登记" successText="线索已登记" initialValues={{ online: true, channel: 'report' }} onDone={(lead) => navigate(`/leads/${lead.id}`)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="title" label="线索标题" rules={[{ required: true, message: '请填写线索标题' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
              <Select options={options(CHANNEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="online" label="涉网" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label="线索描述">
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['subject', 'uscc']} label="当事人统一社会信用代码">
              <Input maxLength={18} placeholder="18 位，含校验位" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['subject', 'name']} label="当事人名称">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['subject', 'platform']} label="所在平台">
              <Input placeholder="如：淘宝、京东、拼多多" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['subject', 'storeUrl']} label="店铺网址">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedAt" label="接收时间（默认当前）">
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="superiorDueDate" label="上级要求办结日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="platformDueDate" label="平台要求核查日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['reporter', 'name']} label="举报人姓名">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['reporter', 'phone']} label="举报人电话">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['reporter', 'realName']} label="实名举报" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="externalRef" label="外部编号（平台/12315 编号）">
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </ApiForm>
    </Card>
  );
}
