import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BACKEND_APPS, createTestDatabase, freePort, SuiteProcesses, uniquePrefix, waitFor, type AppName, type TestDatabase } from '#libs/testing';

export interface BenchSuite {
  db: TestDatabase;
  base: string;
  processes: SuiteProcesses;
  token(role: string, bureau: string): Promise<string>;
  rssMb(app: AppName): number;
  /** User + system CPU the app's process has used so far, in ms. */
  cpuMs(app: AppName): number;
  stop(): Promise<void>;
}

/**
 * Starts every service from dist/ on a throw-away database, as `npm start` would, or with
 * `oneProcess` the whole suite as one process (`npm run start:one`), measured as `all-in-one`.
 * `nodeFlags` replaces the launchers' V8 flags (NODE_FLAGS of #libs/config).
 */
export async function startBenchSuite(options: { oneProcess?: boolean; nodeFlags?: readonly string[] } = {}): Promise<BenchSuite> {
  const db = await createTestDatabase('bench');
  const port = await freePort();
  const env = { DATABASE_URL: db.url, NATS_PREFIX: uniquePrefix('bench'), PORT: String(port), LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
  const processes = new SuiteProcesses(env, options.nodeFlags);
  const apps: AppName[] = options.oneProcess ? ['all-in-one'] : [...BACKEND_APPS, 'gateway'];
  for (const app of apps) processes.start(app);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/ready`)).status === 200, 90_000, 'the suite to be ready');
  let n = 0;
  return {
    db,
    base,
    processes,
    async token(role, bureau) {
      const username = `bench_${role}_${++n}`;
      execFileSync(process.execPath, ['dist/apps/gateway/cli.js', 'user:create', '--username', username, '--password', 'bench-password-1', '--role', role, '--bureau', bureau], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password-1' }) });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    rssMb(app) {
      const pid = processes.get(app)?.pid;
      if (!pid) return NaN;
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : NaN;
    },
    cpuMs(app) {
      const pid = processes.get(app)?.pid;
      if (!pid) return NaN;
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      await processes.stopAll();
      await db.drop();
    },
  };
}
