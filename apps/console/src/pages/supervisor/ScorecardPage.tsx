import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, InputNumber, Progress, Row, Select, Space, Statistic, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { download, errorMessage, get } from '../../api/client';
import { useBureaus } from '../../app/bureaus';
import { todayLocal } from '../../app/dates';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ErrorAlert } from '../../components/ErrorAlert';

interface ScoreItem {
  code: string;
  name: string;
  group?: string;
  subgroup?: string;
  maxPoints?: number;
  points?: number | null;
  source?: string;
}

interface ScoreGroup {
  name: string;
  points?: number;
  maxPoints?: number;
  rate: number;
  passed: boolean;
}

interface Scorecard {
  items: ScoreItem[];
  total: number;
  passed: boolean;
  groups: ScoreGroup[];
}

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
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => download('/api/v1/scorecard/export.xlsx', { bureau, year }, `考核评分-${bureau}-${year}.xlsx`).catch((e) => message.error(errorMessage(e)))}>
            导出 Excel
          </Button>
        }
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
              <Statistic title="总分（≥85 合格）" value={s.total} precision={1} styles={{ content: { color: s.passed ? '#389e0d' : '#cf1322' } }} />
              {s.passed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>}
            </Card>
          </Col>
          {s.groups.map((g) => (
            <Col key={g.name} xs={12} md={6}>
              <Card size="small" title={g.name}>
                <Progress percent={Number((g.rate * 100).toFixed(1))} status={g.passed ? 'success' : 'exception'} />
                <span>
                  {g.points ?? '—'} / {g.maxPoints ?? '—'} 分
                </span>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Table<ScoreItem>
        rowKey="code"
        loading={card.loading}
        dataSource={s?.items}
        pagination={false}
        size="small"
        scroll={{ x: 800 }}
        columns={[
          { title: '序号', dataIndex: 'code', width: 70 },
          { title: '一级指标', dataIndex: 'group', width: 140 },
          { title: '指标', dataIndex: 'name' },
          { title: '分值', dataIndex: 'maxPoints', width: 80 },
          { title: '得分', dataIndex: 'points', width: 80, render: (p?: number | null) => (p === null || p === undefined ? <Tag>待评</Tag> : p) },
          { title: '来源', dataIndex: 'source', width: 120 },
        ]}
      />
    </Space>
  );
}
