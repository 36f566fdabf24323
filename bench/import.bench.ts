import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchRow } from './lib/report.js';
import type { BenchSuite } from './lib/suite.js';

const ROWS = 100_000;
const HEADER = 'platformItemId,title,subjectUscc,subjectName,platform,storeUrl,receivedAt,platformDueDate,description';

/** The local date `days` before today in Asia/Shanghai (receipts may not be in the future). */
function daysAgo(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** 100,000 platform monitoring items, kept under the 10 MB import limit. */
function monitoringCsv(): string {
  const lines = [HEADER];
  const days = [daysAgo(3), daysAgo(4), daysAgo(5), daysAgo(6)];
  const due = daysAgo(-10);
  for (let i = 1; i <= ROWS; i++) lines.push(`P4-${i},网店销售假冒商品${i},,盐城网店${i},某平台,,${days[i % 4]},${due},`);
  return `${lines.join('\n')}\n`;
}

/** The floor: `psql \copy` of the same file into a table with the same columns. */
function psqlCopy(url: string, file: string): number {
  const sql = (command: string) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { stdio: 'pipe' });
  sql('CREATE SCHEMA IF NOT EXISTS bench_raw');
  sql(`CREATE TABLE IF NOT EXISTS bench_raw.import_items (${HEADER.split(',').map((c) => `"${c}" text`).join(', ')})`);
  const started = performance.now();
  sql(`\\copy bench_raw.import_items FROM '${file}' WITH (FORMAT csv, HEADER true)`);
  return (performance.now() - started) / 1000;
}

interface ImportReport {
  imported?: number;
  duplicates?: number;
  rejected?: number;
  message?: string;
}

/** One multipart upload of the file to POST /api/v1/leads/import, timed until the report has arrived. */
async function importFile(base: string, token: string, file: string): Promise<{ report: ImportReport; seconds: number }> {
  const form = new FormData();
  form.set('file', new Blob([readFileSync(file)], { type: 'text/csv' }), 'items.csv');
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/leads/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const report = (await res.json()) as ImportReport;
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${report.message}`);
  return { report, seconds };
}

/** P4 import of 100,000 platform monitoring rows (CSV) through the gateway, beside psql \copy of the same file. */
export async function benchImport(suite: BenchSuite): Promise<BenchRow[]> {
  const token = await suite.token('officer', '320902');
  const dir = mkdtempSync(join(tmpdir(), 'wj-bench-import-'));
  const file = join(dir, 'items.csv');
  try {
    writeFileSync(file, monitoringCsv());
    const { report, seconds } = await importFile(suite.base, token, file);
    // The same file again imports nothing: every row is reported as a duplicate of its lead.
    const again = await importFile(suite.base, token, file);
    const db = new pg.Client({ connectionString: suite.db.url });
    await db.connect();
    const stored = await db.query(`SELECT count(*)::int AS n FROM leads.leads WHERE source_kind = 'platform_item'`).finally(() => db.end());
    const rate = report.imported! / seconds;
    const copySeconds = psqlCopy(suite.db.url, file);
    const copyRate = ROWS / copySeconds;
    const ratio = rate / copyRate;
    return [
      {
        id: 'P4',
        what: `import of ${ROWS.toLocaleString('en')} platform rows (CSV, ${(readFileSync(file).length / 2 ** 20).toFixed(1)} MB) via gateway: ${report.imported} imported, ${report.rejected} rejected, ${stored.rows[0].n} leads stored, ${seconds.toFixed(1)} s; the same file again: ${again.report.imported} imported, ${again.report.duplicates} duplicates, ${again.seconds.toFixed(1)} s`,
        figure: `${rate.toFixed(0)} rows/s`,
        baseline: `psql \\copy: ${copyRate.toFixed(0)} rows/s (${copySeconds.toFixed(2)} s)`,
        ratio: `${(ratio * 100).toFixed(1)} %`,
        target: '≥ 30 % of \\copy',
        met: ratio >= 0.3,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
