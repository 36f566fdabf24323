import { Card, Form, InputNumber, Select, Table } from 'antd';
import { get, put } from '../../api/client';
import { formatInstant } from '../../app/dates';
import { COMPARATOR_LABELS } from '../../app/labels';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface IndicatorConfig {
  code: string;
  name?: string;
  threshold: number | null;
  comparator: string;
  minimumSample: number;
  nationalRate?: number | null;
  updatedBy?: string | null;
  updatedAt?: string | null;
}

function ConfigEditor({ row, done }: { row: IndicatorConfig; done(): void }) {
  return (
    <ApiForm
      layout="inline"
      initialValues={{ threshold: row.threshold, comparator: row.comparator, nationalRate: row.nationalRate ?? null, minimumSample: row.minimumSample }}
      submit={(v) => put(`/api/v1/indicators/config/${encodeURIComponent(row.code)}`, { ...v, threshold: v.threshold ?? null, nationalRate: v.nationalRate ?? null })}
      onDone={done}
      submitText="保存"
    >
      <Form.Item name="comparator">
        <Select aria-label="比较方式" style={{ width: 100 }} options={['>', '>=', '=', '<='].map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="threshold" label="阈值">
        <InputNumber min={0} max={100} step={0.5} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="nationalRate" label="全国参考值">
        <InputNumber min={0} max={100} step={0.5} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="minimumSample" label="最小样本">
        <InputNumber min={0} style={{ width: 80 }} />
      </Form.Item>
    </ApiForm>
  );
}

/** Thresholds, comparators, minimum samples and national reference rates are configuration (domain.md §7). */
export default function ThresholdsPage() {
  const list = useApi(() => get<{ items: IndicatorConfig[] }>('/api/v1/indicators/config'), []);
  return (
    <Card title="指标阈值与全国参考值（百分数，如 95 表示 95%；18.2 为件数）">
      <ErrorAlert error={list.error} />
      <Table<IndicatorConfig>
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '指标', width: 260, render: (_: unknown, r) => `${r.code} ${r.name ?? ''}` },
          { title: '设置', render: (_: unknown, r) => <ConfigEditor row={r} done={list.reload} /> },
          { title: '最近修改', width: 170, render: (_: unknown, r) => (r.updatedBy ? `${r.updatedBy} ${formatInstant(r.updatedAt)}` : '—') },
        ]}
      />
    </Card>
  );
}
