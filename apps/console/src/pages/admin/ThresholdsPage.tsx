import { Card, Form, InputNumber, Select, Table } from 'antd';
import { get, put } from '../../api/client';
import type { Indicator } from '../../api/types';
import { COMPARATOR_LABELS } from '../../app/labels';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Threshold {
  code: string;
  name?: string;
  threshold: number | null;
  comparator: string;
  nationalRate?: number | null;
  minSample?: number;
}

function ThresholdEditor({ row, done }: { row: Threshold; done(): void }) {
  return (
    <ApiForm
      layout="inline"
      initialValues={{ threshold: row.threshold, comparator: row.comparator, nationalRate: row.nationalRate, minSample: row.minSample }}
      submit={(v) => put(`/api/v1/indicators/thresholds/${encodeURIComponent(row.code)}`, v)}
      onDone={done}
      submitText="保存"
    >
      <Form.Item name="comparator">
        <Select style={{ width: 100 }} options={['>', '>=', '='].map((c) => ({ value: c, label: COMPARATOR_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="threshold" label="阈值">
        <InputNumber min={0} max={1} step={0.01} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="nationalRate" label="全国参考值">
        <InputNumber min={0} max={1} step={0.01} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="minSample" label="最小样本">
        <InputNumber min={0} style={{ width: 80 }} />
      </Form.Item>
    </ApiForm>
  );
}

/** Thresholds, comparators and national reference rates are configuration (domain.md §7). */
export default function ThresholdsPage() {
  const list = useApi(() => get<{ items: Threshold[] }>('/api/v1/indicators/thresholds'), []);
  const fallback = useApi(() => get<{ items: Indicator[] }>('/api/v1/indicators'), []);
  const rows: Threshold[] = list.data?.items ?? (list.error ? (fallback.data?.items ?? []) : []);
  return (
    <Card title="指标阈值与全国参考值（比例以小数填写，如 0.95）">
      <ErrorAlert error={list.error} />
      <Table<Threshold>
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '指标', width: 260, render: (_: unknown, r) => `${r.code} ${r.name ?? ''}` },
          { title: '设置', render: (_: unknown, r) => <ThresholdEditor row={r} done={list.reload} /> },
        ]}
      />
    </Card>
  );
}
