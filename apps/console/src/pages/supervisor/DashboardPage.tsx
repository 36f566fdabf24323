import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Tag, Tooltip, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { download, errorMessage, get } from '../../api/client';
import type { Indicator } from '../../api/types';
import { useBureaus } from '../../app/bureaus';
import { ANY_CHANNEL_LABELS, label } from '../../app/labels';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatThreshold, formatValue, isCount } from './indicator-format';
import { monthsOf, yearToDate, type Period } from './period';

type Indicators = { items: Indicator[] };
const fetchIndicators = (bureau: string, p: Period) => get<Indicators>('/api/v1/indicators', { bureau, from: p.from, to: p.to });

function drillLink(code: string, bureau: string, p: Period, status?: string) {
  const q = new URLSearchParams({ bureau, from: p.from, to: p.to, ...(status ? { status } : {}) });
  return `/indicators/${encodeURIComponent(code)}?${q.toString()}`;
}

function IndicatorCard({ i, onOpen }: { i: Indicator; onOpen(status?: string): void }) {
  const color = i.met === null || i.belowMinimumSample ? undefined : i.met ? '#389e0d' : '#cf1322';
  return (
    <Card size="small" hoverable onClick={() => onOpen()} data-testid={`indicator-${i.code}`}>
      <Typography.Text type="secondary" ellipsis={{ tooltip: i.name }} style={{ display: 'block' }}>
        {i.code} {i.name}
      </Typography.Text>
      <Statistic value={formatValue(i)} styles={{ content: { color } }} />
      <Space size={4} wrap>
        {i.belowMinimumSample ? <Tag>样本不足（少于 {i.minimumSample}）</Tag> : i.met === null ? <Tag>无数据</Tag> : i.met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>}
        <Typography.Text type="secondary">阈值 {formatThreshold(i)}</Typography.Text>
      </Space>
      <div style={{ marginTop: 4 }}>
        <Typography.Text>
          {isCount(i) ? '件数' : '分子/分母'}：{isCount(i) ? i.value ?? 0 : `${i.numerator}/${i.denominator}`}
        </Typography.Text>
        {i.lateBudget !== undefined && i.lateBudget !== null && i.denominator > 0 && (
          <Tooltip title="本期还能容许多少件超期而不失去达标">
            <Tag color={i.lateBudget > 0 ? 'blue' : 'red'} style={{ marginLeft: 8 }}>
              超期余量 {i.lateBudget}
            </Tag>
          </Tooltip>
        )}
        {!isCount(i) && (
          <Button
            type="link"
            size="small"
            onClick={(e) => {
              e.stopPropagation();
              onOpen('late');
            }}
          >
            超期明细
          </Button>
        )}
      </div>
    </Card>
  );
}

/** 市级驾驶舱: every §7 indicator for a bureau and period, trend, per-county bars, per-channel split. */
export default function DashboardPage() {
  const { user } = useSession();
  const bureaus = useBureaus();
  const [bureau, setBureau] = useState(user!.bureau);
  const [period, setPeriod] = useState<Period>(yearToDate);
  const [focus, setFocus] = useState<string>('17.1');
  const figures = useApi(() => fetchIndicators(bureau, period), [bureau, period.from, period.to]);
  const trend = useApi(() => Promise.all(monthsOf(period).map(async (m) => ({ month: m.from.slice(0, 7), items: (await fetchIndicators(bureau, m)).items }))), [bureau, period.from, period.to]);
  const children = bureaus.childrenOf(bureau);
  const perBureau = useApi(() => Promise.all(children.map(async (b) => ({ bureau: b, items: (await fetchIndicators(b.code, period)).items }))), [bureau, period.from, period.to, children.length]);
  // Counted by the metrics service per channel, so the split covers every record, not one page of them.
  const byChannel = useApi(
    () => get<{ breakdown?: { groups: { key: string; items: Indicator[] }[] } }>('/api/v1/indicators', { bureau, from: period.from, to: period.to, breakdown: 'channel' }),
    [bureau, period.from, period.to],
  );

  const items = figures.data?.items ?? [];
  const focused = items.find((i) => i.code === focus);
  const pick = (list: Indicator[]) => list.find((i) => i.code === focus);
  const channels = new Map<string, { late: number; onTime: number }>();
  for (const group of byChannel.data?.breakdown?.groups ?? []) {
    const row = pick(group.items);
    if (row && row.denominator > 0) channels.set(group.key || 'unknown', { onTime: row.onTime ?? 0, late: (row.late ?? 0) + (row.missing ?? 0) });
  }
  const scale = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
  const exportXlsx = () => download('/api/v1/indicators/export.xlsx', { bureau, from: period.from, to: period.to }, `指标-${bureau}-${period.from}-${period.to}.xlsx`).catch((e) => message.error(errorMessage(e)));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="市级驾驶舱"
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportXlsx}>
            导出 Excel
          </Button>
        }
      >
        <Space wrap>
          <Select aria-label="单位" value={bureau} onChange={setBureau} style={{ width: 220 }} showSearch optionFilterProp="label" options={bureaus.subtree(user!.bureau).map((b) => ({ value: b.code, label: b.name }))} />
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            onChange={(range) => range?.[0] && range[1] && setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })}
          />
          <Select aria-label="重点指标" value={focus} onChange={setFocus} style={{ width: 300 }} options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))} />
        </Space>
      </Card>
      <ErrorAlert error={figures.error} />
      <Row gutter={[12, 12]}>
        {items.map((i) => (
          <Col key={i.code} xs={24} sm={12} lg={8} xxl={6}>
            <IndicatorCard i={i} onOpen={(status) => navigate(drillLink(i.code, bureau, period, status))} />
          </Col>
        ))}
        {!figures.loading && !figures.error && items.length === 0 && (
          <Col span={24}>
            <Empty description="本期暂无指标数据" />
          </Col>
        )}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={`月度趋势：${focused?.name ?? focus}`} loading={trend.loading}>
            <Chart
              option={{
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: (trend.data ?? []).map((m) => m.month) },
                yAxis: { type: 'value', name: focused && isCount(focused) ? '件' : '%' },
                series: [
                  {
                    type: 'line',
                    name: focus,
                    data: (trend.data ?? []).map((m) => scale(pick(m.items)?.value)),
                    markLine: focused?.threshold != null ? { data: [{ yAxis: scale(focused.threshold) ?? 0, name: '阈值' }], lineStyle: { color: '#cf1322' } } : undefined,
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="分县区情况（点击查看）" loading={perBureau.loading}>
            {children.length === 0 ? (
              <Empty description="本单位无下级局" />
            ) : (
              <Chart
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { bottom: 80 },
                  xAxis: { type: 'category', data: (perBureau.data ?? []).map((r) => r.bureau.name), axisLabel: { rotate: 40 } },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: focus, data: (perBureau.data ?? []).map((r) => scale(pick(r.items)?.value)) }],
                }}
                onClick={({ dataIndex }) => {
                  const b = perBureau.data?.[dataIndex]?.bureau;
                  if (b) navigate(drillLink(focus, b.code, period));
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="按来源渠道" loading={byChannel.loading}>
            {channels.size === 0 ? (
              <Empty description="无明细记录" />
            ) : (
              <Chart
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: {},
                  xAxis: { type: 'category', data: [...channels.keys()].map((c) => label(ANY_CHANNEL_LABELS, c)) },
                  yAxis: { type: 'value', name: '件' },
                  series: [
                    { type: 'bar', stack: 'all', name: '按时', data: [...channels.values()].map((c) => c.onTime), itemStyle: { color: '#52c41a' } },
                    { type: 'bar', stack: 'all', name: '超期/未办', data: [...channels.values()].map((c) => c.late), itemStyle: { color: '#ff4d4f' } },
                  ],
                }}
                onClick={() => navigate(drillLink(focus, bureau, period))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
