import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '#libs/config';

/** The repository root, whether this runs from source (tests) or from dist/ (bench). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'tsconfig.build.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = repositoryRoot();
export const BACKEND_APPS = ['leads', 'cases', 'complaints', 'credit', 'metrics'] as const;
/** A deployable app: a backend service, the gateway, or all of them in one process. */
export type AppName = (typeof BACKEND_APPS)[number] | 'gateway' | 'all-in-one';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The suite as separate processes from `dist/` (built by `npm test` before integration
 * tests), so a test can SIGKILL one service and start it again; with the V8 flags
 * every launcher passes (NODE_FLAGS).
 */
export class SuiteProcesses {
  private readonly children = new Map<AppName, ChildProcess>();
  readonly logs: string[] = [];

  /** `nodeFlags` replaces the launchers' V8 flags (bench P5 measures the suite without them too). */
  constructor(
    private readonly env: Record<string, string>,
    private readonly nodeFlags: readonly string[] = NODE_FLAGS,
  ) {}

  get(app: AppName): ChildProcess | undefined {
    return this.children.get(app);
  }

  start(app: AppName): ChildProcess {
    const child = spawn(process.execPath, [...this.nodeFlags, `dist/apps/${app}/main.js`], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.logs.push(`[${app}] ${chunk.toString()}`);
      if (this.logs.length > 500) this.logs.shift();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.children.set(app, child);
    return child;
  }

  async kill(app: AppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.children.delete(app);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children.keys()].map((app) => this.kill(app, 'SIGTERM')));
  }
}

/** Polls until `check` returns true or the timeout passes. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
