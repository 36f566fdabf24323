import { Card, Timeline } from 'antd';
import { formatInstant } from '../app/dates';

export interface TimelineEntry {
  at: string | undefined | null;
  text: string;
  color?: string;
}

/** The record's history, oldest first; entries without a time are left out. */
export function RecordTimeline({ entries }: { entries: TimelineEntry[] }) {
  const items = entries
    .filter((e): e is TimelineEntry & { at: string } => !!e.at)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => ({ color: e.color, content: `${formatInstant(e.at)}　${e.text}` }));
  return (
    <Card title="办理过程" size="small">
      <Timeline items={items} />
    </Card>
  );
}
