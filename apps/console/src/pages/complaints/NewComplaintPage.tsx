import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { post } from '../../api/client';
import type { Complaint } from '../../api/types';
import { COMPLAINT_CHANNEL_LABELS, options } from '../../app/labels';
import { navigate } from '../../app/router';
import { ApiForm } from '../../components/ApiForm';


const compact = (o: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== ''));

export default function NewComplaintPage() {
  const submit = (v: Record<string, unknown>) =>
    post<Complaint>('/api/v1/complaints', {
      online: v.online,
      channel: v.channel,
      receivedAt: (v.receivedAt as Dayjs | undefined)?.toISOString(),
      consumer: compact(v.consumer as Record<string, unknown>),
      operator: compact(v.operator as Record<string, unknown>),
      description: v.description,
      amount: v.amount ?? undefined,
    });
  return (
    <Card title="登记投诉">
      <ApiForm submit={submit} submitText="登记" successText="投诉已登记" initialValues={{ online: true, channel: '12315' }} onDone={(c) => navigate(`/complaints/${c.id}`)}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="channel" label="投诉渠道">
              <Select options={options(COMPLAINT_CHANNEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="online" label="涉网" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="receivedAt" label="接收时间（默认当前）">
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['consumer', 'name']} label="投诉人姓名" rules={[{ required: true, message: '请填写投诉人姓名' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['consumer', 'phone']} label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['consumer', 'address']} label="地址">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['operator', 'uscc']} label="被投诉方统一社会信用代码">
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['operator', 'name']} label="被投诉方名称">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name={['operator', 'platform']} label="所在平台">
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name="amount" label="涉及金额（元）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </ApiForm>
    </Card>
  );
}
