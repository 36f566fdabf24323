// `npm start`: build if needed, create the database if missing, start every service as a
// child of this supervisor (each migrates its own schema at boot), restart crashed ones,
// print the URLs once /ready answers, stop everything cleanly on Ctrl-C.
// `npm run start:one` (`--one-process`) runs the same suite as one child, dist/apps/all-in-one.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVICES = process.argv.includes('--one-process') ? ['all-in-one'] : ['leads', 'cases', 'complaints', 'credit', 'metrics', 'gateway'];
const env = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/wangjian',
  NATS_URL: 'nats://127.0.0.1:4222',
  PORT: '3000',
  ...process.env,
};
const port = env.PORT;
const children = new Map();
let stopping = false;

async function ensureDatabase() {
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  const admin = new URL(env.DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      process.stderr.write(`[wangjian] created database ${name}\n`);
    }
  } finally {
    await client.end();
  }
}

function launch(service, attempt = 0) {
  // The flags bench P5 measures; source-mapped stacks cost each process ~23 MB more and stay
  // available as NODE_OPTIONS=--enable-source-maps.
  const args = [...nodeFlags, `dist/apps/${service}/main.js`];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.set(service, child);
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (stopping) return;
    if (code === 78) {
      process.stderr.write(`[wangjian] ${service} refused its configuration; stopping the suite\n`);
      void stop(1);
      return;
    }
    const delay = Math.min(30_000, 1000 * 2 ** attempt);
    process.stderr.write(`[wangjian] ${service} exited (${signal ?? code}); restarting in ${delay} ms\n`);
    setTimeout(() => launch(service, attempt + 1), delay);
  });
}

async function waitReady() {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.stderr.write('\n[wangjian] stopping…\n');
  const exits = [...children.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children.values()) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 10_000);
  await Promise.all(exits);
  clearTimeout(timer);
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

ensureBuilt();
// The file itself rather than #libs/config: the supervisor needs no settings validators.
const { NODE_FLAGS: nodeFlags } = await import('../dist/libs/config/src/node-flags.js');
await ensureDatabase();
for (const service of SERVICES) launch(service);
if (await waitReady()) {
  process.stderr.write(
    `\n[wangjian] ready\n  console  http://127.0.0.1:${port}/\n  API docs http://127.0.0.1:${port}/api/docs\n  health   http://127.0.0.1:${port}/ready\n` +
      `  demo data: npm run cli -- seed:demo   (Ctrl-C stops the suite)\n\n`,
  );
} else if (!stopping) {
  process.stderr.write(`[wangjian] the suite did not become ready; see the logs above (is PostgreSQL at ${env.DATABASE_URL.replace(/\/\/.*@/, '//…@')} and NATS at ${env.NATS_URL} running?)\n`);
}
