import { Card, Empty, Tabs } from 'antd';

export interface Action {
  key: string;
  label: string;
  form: React.ReactNode;
}

/** The actions the record's state allows, one tab each; none when the record is finished. */
export function ActionPanel({ actions }: { actions: Action[] }) {
  return (
    <Card title="办理操作" size="small">
      {actions.length === 0 ? <Empty description="当前状态下没有可执行的操作" /> : <Tabs items={actions.map((a) => ({ key: a.key, label: a.label, children: a.form }))} />}
    </Card>
  );
}
