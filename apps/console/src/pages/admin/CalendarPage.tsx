import { Alert, Card, Col, Form, Input, InputNumber, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { get, put } from '../../api/client';
import { useApi } from '../../app/use-api';
import { ApiForm } from '../../components/ApiForm';
import { ErrorAlert } from '../../components/ErrorAlert';

interface YearCalendar {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name?: string }[];
}

/** "2027-01-01 元旦" per line ↔ the API's list; the API validates every date. */
const toLines = (list: { date: string; name?: string }[]) => list.map((d) => `${d.date} ${d.name ?? ''}`.trim()).join('\n');
function fromLines(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, ...name] = l.split(/\s+/);
      return { date: date!, name: name.join(' ') };
    });
}

interface CalendarDay {
  date: string;
  kind: string;
  name?: string;
}

/**
 * A known year's holidays and adjusted workdays as the services count them now. Saving replaces
 * the whole year, so correcting one date must start from the rest of the year, not from nothing.
 */
async function yearInForce(year: number): Promise<Omit<YearCalendar, 'year'>> {
  const answer = await get<{ days: CalendarDay[]; nonWorkingDays: CalendarDay[] }>('/api/v1/calendar/working-days', { from: `${year}-01-01`, to: `${year}-12-31` });
  return {
    holidays: answer.nonWorkingDays.filter((d) => d.kind === 'holiday').map((d) => ({ date: d.date, name: d.name ?? '' })),
    workdays: answer.days.filter((d) => d.kind === 'adjusted_workday').map((d) => ({ date: d.date, name: d.name })),
  };
}

export default function CalendarPage() {
  const years = useApi(() => get<{ knownYears: number[]; overrides: YearCalendar[] }>('/api/v1/calendar/years'), []);
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const known = years.data?.knownYears.includes(year) ?? false;
  const inForce = useApi(async () => ({ year, calendar: known ? await yearInForce(year) : null }), [year, known]);
  // A fresh form (own store) mounts only with the chosen year's data: initial values are read once, at mount.
  const ready = !years.loading && !inForce.loading && inForce.data?.year === year;
  const existing = ready ? (inForce.data?.calendar ?? undefined) : undefined;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="工作日历">
        <ErrorAlert error={years.error} />
        <Space wrap>
          已掌握节假日安排的年份：
          {(years.data?.knownYears ?? []).map((y) => (
            <Tag key={y} color={years.data?.overrides.some((o) => o.year === y) ? 'purple' : 'blue'}>
              {y}
            </Tag>
          ))}
        </Space>
        <Alert style={{ marginTop: 12 }} type="info" showIcon title="超出已知年份的期限按“暂定”显示（仅排除周末）；国务院公布新年度安排后在此录入。紫色为管理员录入的年份。" />
      </Card>
      <Card title="录入年度安排" loading={!ready} extra={<InputNumber aria-label="年份" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} suffix="年" />}>
        <ErrorAlert error={inForce.error} />
        {existing && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={`${year} 年已有安排（下方为现行数据）；保存将整体替换该年安排。`} />}
        <ApiForm
          key={year}
          initialValues={{ holidays: toLines(existing?.holidays ?? []), workdays: toLines(existing?.workdays ?? []) }}
          submit={(v) => put<YearCalendar>(`/api/v1/calendar/years/${year}`, { holidays: fromLines(String(v.holidays ?? '')), workdays: fromLines(String(v.workdays ?? '')) })}
          onDone={() => {
            years.reload();
            inForce.reload();
          }}
          submitText="保存并通知各服务"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="holidays" label="放假日期（每行：日期 名称）">
                <Input.TextArea rows={12} placeholder={'2027-01-01 元旦\n2027-02-06 春节'} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="workdays" label="调休上班日期（每行：日期 名称）">
                <Input.TextArea rows={12} placeholder="2027-02-14 春节" />
              </Form.Item>
            </Col>
          </Row>
        </ApiForm>
      </Card>
    </Space>
  );
}
