import { writeFileSync } from 'node:fs';
import os from 'node:os';

export interface BenchRow {
  id: string;
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

export function table(rows: BenchRow[]): string {
  const header = ['id', 'what', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'];
  const lines = rows.map((r) => [r.id, r.what, r.figure, r.baseline, r.ratio, r.target, r.met === null ? '–' : r.met ? 'yes' : 'NO']);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function writeResults(path: string, rows: BenchRow[], notes: string[]): void {
  const body = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${machine()}. Command: \`npm run bench\` (figures and baselines measured in the same run).`,
    '',
    table(rows),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(path, body);
}
