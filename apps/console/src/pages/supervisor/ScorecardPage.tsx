import { Card, Col, InputNumber, Progress, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { get } from '../../api/client';
import { useBureaus } from '../../app/bureaus';
import { todayLocal } from '../../app/dates';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A scored sub-point: `live` from this suite's indicators, `entered` by an admin, or not yet scored. */
interface ScoredPart {
  code: string;
  label: string;
  points: number;
  score: number | null;
  basis: 'live' | 'entered' | 'not_scored';
  entry?: { source: string };
}

/** One of the 41 items of annex 2 as the metrics service scores it. */
interface ScoreItem {
  no: number;
  level1: string;
  level2: string;
  name: string;
  points: number;
  score: number;
  parts: ScoredPart[];
}

interface ScoreGroup {
  name: string;
  points: number;
  score: number;
  /** Percent, two decimals. */
  rate: number;
  pass: boolean;
}

interface Scorecard {
  items: ScoreItem[];
  groups: ScoreGroup[];
  total: number;
  points: number;
  pass: boolean;
}

const BASIS: Record<ScoredPart['basis'], string> = { live: '系统实时计分', entered: '人工录入', not_scored: '待评' };

/** The 41-indicator assessment table (annex 2): pass needs total ≥ 85 and each group ≥ 75 %. */
export default function ScorecardPage() {
  const { user } = useSession();
  const bureaus = useBureaus();
  const [bureau, setBureau] = useState(user!.bureau);
  const [year, setYear] = useState(Number(todayLocal().slice(0, 4)));
  const card = useApi(() => get<Scorecard>('/api/v1/scorecard', { bureau, year }), [bureau, year]);
  const s = card.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="考核评分表"
      >
        <Space wrap>
          <Select value={bureau} onChange={setBureau} style={{ width: 220 }} options={bureaus.subtree(user!.bureau).map((b) => ({ value: b.code, label: b.name }))} />
          <InputNumber value={year} min={2020} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" />
        </Space>
      </Card>
      <ErrorAlert error={card.error} />
      {s && (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Card size="small">
              <Statistic title={`总分（满分 ${s.points}，≥85 且各一级指标 ≥75% 合格）`} value={s.total} precision={1} styles={{ content: { color: s.pass ? '#389e0d' : '#cf1322' } }} />
              {s.pass ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>}
            </Card>
          </Col>
          {s.groups.map((g) => (
            <Col key={g.name} xs={12} md={6}>
              <Card size="small" title={g.name}>
                <Progress percent={g.rate} status={g.pass ? 'success' : 'exception'} />
                <span>
                  {g.score} / {g.points} 分
                </span>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Table<ScoreItem>
        rowKey="no"
        loading={card.loading}
        dataSource={s?.items}
        pagination={false}
        size="small"
        scroll={{ x: 800 }}
        columns={[
          { title: '序号', dataIndex: 'no', width: 60 },
          { title: '一级指标', dataIndex: 'level1', width: 110 },
          { title: '二级指标', dataIndex: 'level2', width: 130 },
          { title: '指标', dataIndex: 'name' },
          { title: '分值', dataIndex: 'points', width: 70 },
          { title: '得分', dataIndex: 'score', width: 70 },
          {
            title: '计分依据',
            width: 220,
            render: (_: unknown, item) => (
              <Space size={4} wrap>
                {item.parts.map((p) => (
                  <Tag key={p.code} color={p.basis === 'live' ? 'blue' : p.basis === 'entered' ? 'purple' : undefined} title={p.entry?.source ?? p.label}>
                    {item.parts.length > 1 ? `${p.label}：` : ''}
                    {p.score === null ? BASIS.not_scored : `${p.score}/${p.points}`} · {BASIS[p.basis]}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
