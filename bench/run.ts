import { benchEventToIndicator } from './events.bench.js';
import { benchImport } from './import.bench.js';
import { benchIntake } from './intake.bench.js';
import { machine, table, writeResults, type BenchRow } from './lib/report.js';
import { benchIndicatorQuery } from './metrics.bench.js';
import { startBenchSuite } from './lib/suite.js';

/**
 * `npm run bench`: starts the suite on a throw-away database, measures each figure beside
 * its raw baseline in the same run, prints the table and writes bench/results.md.
 * BENCH_SECONDS (default 60) sets the sustained phase; BENCH_ONLY=P1,P3 picks benches and
 * only prints: bench/results.md keeps the last full run.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wants = (id: string) => only.length === 0 || only.includes(id);

process.stdout.write(`Wangjian benchmarks on ${machine()}\n`);
const rows: BenchRow[] = [];
const notes: string[] = [];
const suite = await startBenchSuite();
try {
  if (wants('P1') || wants('P5')) rows.push(...(await benchIntake(suite, seconds)));
  if (wants('P2')) rows.push(...(await benchEventToIndicator(suite)));
  if (wants('P3')) rows.push(...(await benchIndicatorQuery()));
  if (wants('P4')) rows.push(...(await benchImport(suite)));
} finally {
  await suite.stop();
}
process.stdout.write(`\n${table(rows)}\n`);
if (only.length === 0) {
  writeResults(new URL('../../bench/results.md', import.meta.url).pathname, rows, notes);
  process.stdout.write('\nwritten to bench/results.md\n');
} else {
  process.stdout.write('\na partial run (BENCH_ONLY): bench/results.md still holds the last full run\n');
}
