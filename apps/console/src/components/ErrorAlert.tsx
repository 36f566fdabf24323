import { Alert } from 'antd';
import type { ApiError } from '../api/client';

/** An API error as a Chinese message, with the field problems listed — never a blank page. */
export function ErrorAlert({ error, title }: { error: ApiError | null | undefined; title?: string }) {
  if (!error) return null;
  const details = error.details.length > 0 ? (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {error.details.map((d) => (
        <li key={`${d.field}-${d.code}`}>{d.message}</li>
      ))}
    </ul>
  ) : undefined;
  return <Alert type={error.status === 503 || error.status === 0 ? 'warning' : 'error'} showIcon title={title ?? error.message} description={title ? error.message : details} style={{ marginBottom: 16 }} />;
}
