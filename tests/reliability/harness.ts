/** Process, NATS and polling helpers for the reliability tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jetstream, jetstreamManager, DeliverPolicy } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { EVENT_HEADERS, natsNames, type NatsNames } from '#libs/contracts';
import { DEAD_LETTER_HEADERS, ensureJetStream, type MessagingLogger } from '#libs/messaging';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '#libs/testing';
import { startProjector, type ProjectorOptions, type RunningProjector } from '../fixtures/messaging/projector.js';
import { openTallyDataSource } from '../fixtures/messaging/tally.js';

export const SHARED_NATS = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'dist/tests/fixtures/messaging');

/** Polls `check` until it returns true; fails with `what` and the last observed state. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  opts: { timeoutMs?: number; intervalMs?: number; describe?: () => Promise<string> } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      const state = opts.describe ? ` (last state: ${await opts.describe()})` : '';
      throw new Error(`Timed out waiting for ${what}${state}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100));
  }
}

export function fixturePath(name: string): string {
  const p = join(FIXTURES, `${name}.js`);
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` before the integration tests`);
  return p;
}

export class FixtureProcess {
  readonly exited: Promise<number | null>;
  readonly ready: Promise<void>;
  private stderr = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((res) => child.once('exit', (code) => res(code)));
    this.ready = new Promise((res, rej) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (/^READY$/m.test(out)) res();
      });
      void this.exited.then((code) => rej(new Error(`${name} exited (${code}) before READY:\n${this.stderr.slice(-4000)}`)));
    });
    // A rejection nobody awaits (the process was killed on purpose) must not fail the test run.
    this.ready.catch(() => undefined);
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
      if (this.stderr.length > 200_000) this.stderr = this.stderr.slice(-100_000);
    });
  }

  get log(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.alive) this.child.kill(signal);
    await this.exited;
  }
}

export function spawnFixture(name: string, env: Record<string, string>): FixtureProcess {
  const child = spawn(process.execPath, [fixturePath(name)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new FixtureProcess(name, child);
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** A private nats-server the test may kill and restart; the shared one on 4222 is never touched. */
export class PrivateNats {
  private proc?: ChildProcess;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'wj-nats-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateNats> {
    const n = new PrivateNats(await freePort());
    await n.up();
    return n;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const proc = spawn('/usr/sbin/nats-server', ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.proc = proc;
    await new Promise<void>((res, rej) => {
      let err = '';
      const timer = setTimeout(() => rej(new Error(`nats-server did not start: ${err}`)), 10_000);
      proc.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (/Server is ready/.test(err)) {
          clearTimeout(timer);
          res();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`nats-server exited ${code}: ${err}`));
      });
    });
  }

  async kill(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

export interface StreamCensus {
  messages: number;
  distinctIds: number;
}

/** Reads the whole event stream with an ephemeral ordered consumer and counts distinct Nats-Msg-Ids. */
export async function streamCensus(nc: NatsConnection, names: NatsNames): Promise<StreamCensus> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(names.eventStream);
  const total = info.state.messages;
  if (total === 0) return { messages: 0, distinctIds: 0 };
  const ids = new Set<string>();
  const consumer = await jetstream(nc).consumers.get(names.eventStream, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume();
  let seen = 0;
  for await (const m of messages) {
    const id = m.headers?.get(EVENT_HEADERS.msgId);
    if (id) ids.add(id);
    if (++seen >= total || m.seq >= info.state.last_seq) break;
  }
  await messages.close();
  return { messages: total, distinctIds: ids.size };
}

export async function streamMessageCount(nc: NatsConnection, stream: string): Promise<number> {
  const jsm = await jetstreamManager(nc);
  return (await jsm.streams.info(stream)).state.messages;
}

export async function deleteStreams(nc: NatsConnection, names: NatsNames): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const s of [names.eventStream, names.deadLetterStream]) await jsm.streams.delete(s).catch(() => undefined);
}

/** `rows written / messages in stream / facts in projection`, as every reliability test prints. */
export function report(label: string, c: Record<string, number>): void {
  console.log(`[${label}] ${Object.entries(c).map(([k, v]) => `${k}=${v}`).join(' / ')}`);
}

/** Everything one test file owns: a database, a NATS prefix with its streams, and a NATS connection. */
export class World {
  private constructor(
    readonly db: TestDatabase,
    readonly names: NatsNames,
    readonly prefix: string,
    readonly nc: NatsConnection,
    readonly tally: DataSource,
    readonly servers: string,
  ) {}

  static async create(label: string, servers = SHARED_NATS): Promise<World> {
    const db = await createTestDatabase(label);
    const prefix = uniquePrefix(label);
    const names = natsNames(prefix);
    const nc = await connect({ servers, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    await ensureJetStream(nc, names);
    const tally = await openTallyDataSource(db.url);
    return new World(db, names, prefix, nc, tally, servers);
  }

  /** The projector inside the test process (for tests that do not kill it). */
  projector(o: Partial<ProjectorOptions> = {}): Promise<RunningProjector> {
    return startProjector({
      databaseUrl: this.db.url,
      servers: this.servers,
      names: this.names,
      schema: 'projection',
      durable: 'tally_projection',
      logger: quietLogger(),
      nestLogs: false,
      ...o,
    });
  }

  /** Environment of a fixture process of this world. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { DATABASE_URL: this.db.url, NATS_URL: this.servers, NATS_PREFIX: this.prefix, ...extra };
  }

  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.tally.query(query, params);
  }

  async count(query: string, params: unknown[] = []): Promise<number> {
    const rows = await this.sql<{ n: string }>(query, params);
    return Number(rows[0].n);
  }

  rowsWritten(): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM tally.tally_entry`);
  }

  unpublished(): Promise<number> {
    return this.count(`SELECT count(*) AS n FROM tally.outbox WHERE published_at IS NULL`);
  }

  /** Facts in a projection schema, and how many distinct events they came from. */
  async facts(schema = 'projection'): Promise<{ facts: number; distinct: number }> {
    const exists = await this.count(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'tally_fact'`, [schema]);
    if (exists === 0) return { facts: 0, distinct: 0 };
    const [r] = await this.sql<{ facts: string; distinct: string }>(
      `SELECT count(*) AS facts, count(DISTINCT event_id) AS distinct FROM "${schema}".tally_fact`,
    );
    return { facts: Number(r.facts), distinct: Number(r.distinct) };
  }

  /** Messages the durable still has to finish (not delivered + delivered-unacked). */
  async pending(durable = 'tally_projection'): Promise<number> {
    const info = await (await jetstreamManager(this.nc)).consumers.info(this.names.eventStream, durable);
    return info.num_pending + info.num_ack_pending;
  }

  /** What a stuck wait reports: rows, stream, outbox and the durable's state, to tell a stalled relay from a stalled consumer. */
  async diagnose(durable = 'tally_projection'): Promise<string> {
    const info = await (await jetstreamManager(this.nc)).consumers.info(this.names.eventStream, durable);
    return JSON.stringify({
      rows: await this.rowsWritten(),
      unpublished: await this.unpublished(),
      stream: await this.streamMessages(),
      facts: await this.facts(),
      consumer: { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered, waiting: info.num_waiting, delivered: info.delivered.stream_seq, ackFloor: info.ack_floor.stream_seq },
    });
  }

  streamMessages(): Promise<number> {
    return streamMessageCount(this.nc, this.names.eventStream);
  }

  async dispose(): Promise<void> {
    await deleteStreams(this.nc, this.names).catch(() => undefined);
    await this.nc.close().catch(() => undefined);
    await this.tally.destroy().catch(() => undefined);
    await this.db.drop();
  }
}

/** Keeps expected warnings (NATS down, retries) out of the test output; collects them for asserts. */
export function quietLogger(sink: string[] = []): MessagingLogger & { lines: string[] } {
  return { lines: sink, log: () => undefined, warn: (m) => sink.push(m), error: (m) => sink.push(m) };
}

/** Messages in the dead-letter stream. */
export async function deadLetterCount(world: World): Promise<number> {
  return (await (await jetstreamManager(world.nc)).streams.info(world.names.deadLetterStream)).state.messages;
}

/** Every message in the dead-letter stream, with the headers the consumer added. */
export async function deadLetters(world: World): Promise<{ reason: string; consumer: string; type: string; subject: string }[]> {
  const total = await deadLetterCount(world);
  const consumer = await jetstream(world.nc).consumers.get(world.names.deadLetterStream);
  const out: { reason: string; consumer: string; type: string; subject: string }[] = [];
  const messages = await consumer.consume();
  for await (const m of messages) {
    out.push({
      reason: m.headers?.get(DEAD_LETTER_HEADERS.reason) ?? '',
      consumer: m.headers?.get(DEAD_LETTER_HEADERS.consumer) ?? '',
      type: m.headers?.get(EVENT_HEADERS.type) ?? '',
      subject: m.subject,
    });
    if (out.length >= total) break;
  }
  await messages.close();
  return out;
}
