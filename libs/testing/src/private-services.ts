import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { assertTestDatabase } from './test-database.js';
import { freePort } from './suite-processes.js';

/**
 * Private PostgreSQL and NATS for tests that stop and restart them: the machine's shared ones
 * (5432, 4222) serve other engineers' runs at the same time and are never touched.
 */

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** A nats-server with JetStream on a free loopback port; `stop` + `start` keep port and store. */
export class PrivateNats {
  private proc?: ChildProcess;

  private constructor(
    readonly port: number,
    readonly storeDir: string,
  ) {}

  static async start(): Promise<PrivateNats> {
    const nats = new PrivateNats(await freePort(), mkdtempSync(join(tmpdir(), 'wj-nats-')));
    await nats.start();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const proc = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = proc;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`nats-server did not start within 15 s:\n${log}`)), 15_000);
      proc.stderr!.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-8000);
        if (/Server is ready/.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited (${code}) while starting:\n${log}`));
      });
    });
  }

  /** Kills the server at once (no lame-duck mode): clients see the connection drop. */
  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** Where Debian puts the server binaries; the newest installed major unless PG_BIN says otherwise. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  if (majors.length === 0) throw new Error(`no PostgreSQL server binaries under ${root} (set PG_BIN)`);
  return join(root, majors[0]!, 'bin');
}

function osUserIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A throw-away PostgreSQL cluster (initdb into a temp dir, trust auth, loopback only). The
 * server refuses to run as root, so as root its tools run as the `postgres` OS user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'wj-pg-'));
    if (process.getuid?.() === 0) {
      const { uid, gid } = osUserIds('postgres');
      chownSync(dir, uid, gid);
    }
    const server = new PrivatePostgres(await freePort(), dir, postgresBin());
    await server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await server.ctl('start');
    return server;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Superuser URL of a database of this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A fresh database whose name says test (so `assertTestDatabase` accepts it). */
  async createDatabase(label: string): Promise<string> {
    const name = `wj_test_${label}`.toLowerCase();
    const admin = new pg.Client({ connectionString: this.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = this.url(name);
    assertTestDatabase(url);
    return url;
  }

  /** `pg_ctl restart -m fast`: every session is cut, the server is back when this resolves. */
  async restart(): Promise<void> {
    await this.ctl('restart', ['-m', 'fast']);
  }

  async dispose(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.ctl('stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ctl(action: string, extra: string[] = []): Promise<void> {
    // fsync off: the test kills processes, never the machine, and the shared disk is slow.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    return this.run('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', '-o', options, action, ...extra]);
  }

  private run(tool: string, args: string[]): Promise<void> {
    const path = join(this.bin, tool);
    const [command, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    return new Promise((resolve, reject) => {
      const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-8000));
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} failed (${code}):\n${out}`))));
    });
  }
}
