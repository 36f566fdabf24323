import 'reflect-metadata';
import { createServer, Socket, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, migrate } from '#libs/database';
import { verifyAuditChain, type AuditEntry } from '#libs/domain';
import { createTestDatabase, waitFor, type TestDatabase } from '#libs/testing';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../migrations/index.js';
import { AUDIT_LOCK_KEY, AuditRepository } from './audit.repository.js';

/** The server's CommandComplete for COMMIT: 'C', length 11, "COMMIT\0". */
const COMMIT_COMPLETE = Buffer.from([0x43, 0, 0, 0, 11, ...Buffer.from('COMMIT\0')]);

/**
 * A TCP proxy in front of PostgreSQL that plays the faults of a restart: it can cut every
 * connection and refuse new ones, or cut a connection right after the server committed, before
 * the client hears of it (the one case where a retry could write a batch twice); and it can
 * freeze a connection, as a hung client or a network partition does, without closing it.
 */
class FaultyProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private refusing = false;
  private cutAfterCommit = false;
  private freezeMarker?: Buffer;
  cutCommits = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<FaultyProxy> {
    const proxy = new FaultyProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** PostgreSQL "down": open connections drop, new ones are closed at once. */
  down(): void {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
  }

  up(): void {
    this.refusing = false;
  }

  /** The next connection to send `sql` passes it on, then nothing more either way; it stays open. */
  freezeAfter(sql: string): void {
    this.freezeMarker = Buffer.from(sql);
  }

  /** The next COMMIT's answer is never delivered: its connection drops instead. */
  loseNextCommitAnswer(): void {
    this.cutAfterCommit = true;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    if (this.refusing) return void client.destroy();
    const upstream = new Socket();
    upstream.connect(this.target.port, this.target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    let frozen = false;
    client.on('data', (chunk) => {
      if (frozen) return;
      upstream.write(chunk);
      if (this.freezeMarker && chunk.includes(this.freezeMarker)) {
        this.freezeMarker = undefined;
        frozen = true;
      }
    });
    upstream.on('data', (chunk) => {
      if (frozen) return;
      if (this.cutAfterCommit && chunk.includes(COMMIT_COMPLETE)) {
        this.cutAfterCommit = false;
        this.cutCommits++;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
  }
}

let n = 0;
function entry(requestId: string): Omit<AuditEntry, 'seq'> {
  return {
    at: new Date(Date.UTC(2026, 10, 2, 8, 0, 0, ++n)).toISOString(),
    kind: 'write',
    actor: 'officer_1',
    role: 'officer',
    bureau: '320902',
    method: 'POST',
    path: '/api/v1/leads',
    status: 201,
    ip: '127.0.0.1',
    requestId,
  };
}

/**
 * The audit append through PostgreSQL faults: connections cut mid-batch, the server unreachable
 * for a while, a COMMIT whose answer is lost. Each acknowledged entry is in the chain exactly
 * once and the chain verifies.
 */
describe(AuditRepository.name, () => {
  let db: TestDatabase;
  let proxy: FaultyProxy;
  let dataSource: DataSource;
  let admin: pg.Client;
  let sut: AuditRepository;

  beforeAll(async () => {
    db = await createTestDatabase('audit_repository');
    const migrator = createServiceDataSource({ url: db.url, schema: 'gateway', entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS });
    await migrate(migrator);
    await migrator.destroy();
    const direct = new URL(db.url);
    proxy = await FaultyProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(db.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    dataSource = await createServiceDataSource({ url: viaProxy.toString(), schema: 'gateway', entities: GATEWAY_ENTITIES, migrations: [], poolSize: 2 }).initialize();
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    sut = new AuditRepository(dataSource);
    await sut.append(entry('before-the-faults'));
  }, 30_000);

  afterEach(() => proxy.up());

  afterAll(async () => {
    await admin?.end();
    await dataSource?.destroy();
    await proxy?.close();
    await db?.drop();
  });

  const rowsOf = async (requestId: string) => Number((await admin.query('SELECT count(*) FROM gateway.audit_log WHERE request_id = $1', [requestId])).rows[0].count);
  const chain = async () => verifyAuditChain(await sut.all());
  const lockWaiters = async () =>
    (
      await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`,
      )
    ).rows.map((r) => r.pid);

  it('writes a batch once when its connection is terminated while the batch is open', async () => {
    // Hold the chain lock so the batch's transaction waits inside, then kill its backend.
    await admin.query('SELECT pg_advisory_lock($1)', [AUDIT_LOCK_KEY]);
    let holding = true;
    try {
      const appended = sut.append(entry('terminated-mid-batch'));
      await waitFor(async () => (await lockWaiters()).length === 1, 10_000, 'the batch to wait for the chain lock');
      const [first] = await lockWaiters();
      expect((await admin.query('SELECT pg_terminate_backend($1) AS done', [first])).rows[0].done).toBe(true);
      // The retry opens a new transaction on a new backend.
      await waitFor(async () => (await lockWaiters()).some((pid) => pid !== first), 10_000, 'the batch to be tried again');
      await admin.query('SELECT pg_advisory_unlock($1)', [AUDIT_LOCK_KEY]);
      holding = false;
      await appended;
    } finally {
      if (holding) await admin.query('SELECT pg_advisory_unlock($1)', [AUDIT_LOCK_KEY]);
    }
    expect(await rowsOf('terminated-mid-batch')).toBe(1);
    expect(await chain()).toMatchObject({ ok: true });
  });

  it('keeps trying while the database is unreachable and writes the batch once it is back', async () => {
    proxy.down();
    let settled = false;
    const appended = sut.append(entry('while-down')).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(settled).toBe(false);
    proxy.up();
    await appended;
    expect(await rowsOf('while-down')).toBe(1);
    expect(await chain()).toMatchObject({ ok: true });
  });

  it('does not write a batch again whose COMMIT reached the server but whose answer was lost', async () => {
    proxy.loseNextCommitAnswer();
    await sut.append(entry('commit-answer-lost'));
    expect(proxy.cutCommits).toBe(1);
    expect(await rowsOf('commit-answer-lost')).toBe(1);
    expect(await chain()).toMatchObject({ ok: true });
  });

  it('groups entries arriving during an outage into batches that each land once', async () => {
    proxy.down();
    const ids = Array.from({ length: 6 }, (_, i) => `grouped-${i}`);
    const appended = Promise.all(ids.map((id) => sut.append(entry(id))));
    await new Promise((r) => setTimeout(r, 500));
    proxy.loseNextCommitAnswer();
    proxy.up();
    await appended;
    const counts: number[] = [];
    for (const id of ids) counts.push(await rowsOf(id));
    expect(counts).toEqual(ids.map(() => 1));
    const total = Number((await admin.query('SELECT count(*) FROM gateway.audit_log')).rows[0].count);
    expect(await chain()).toEqual({ checked: total, ok: true });
  });

  it('a replica frozen while holding the chain lock holds up the others only until PostgreSQL ends its idle transaction', async () => {
    const frozenReplica = new AuditRepository(dataSource);
    proxy.freezeAfter('pg_advisory_xact_lock');
    // The replica's first attempt hangs with the lock; once PostgreSQL ends that session it retries on a new connection.
    const replicaAppended = frozenReplica.append(entry('frozen-replica'));
    const holder = async () => (await admin.query(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [AUDIT_LOCK_KEY])).rows.length;
    await waitFor(async () => (await holder()) === 1, 10_000, 'the frozen replica to hold the chain lock');
    const started = Date.now();
    await sut.append(entry('behind-the-frozen-one'));
    const waited = Date.now() - started;
    await replicaAppended;
    expect(waited).toBeGreaterThan(3_000);
    expect(waited).toBeLessThan(15_000);
    expect([await rowsOf('frozen-replica'), await rowsOf('behind-the-frozen-one')]).toEqual([1, 1]);
    expect(await chain()).toMatchObject({ ok: true });
  }, 30_000);

  it('fails at once on an error that is not an outage (nothing to wait for)', async () => {
    const started = Date.now();
    await expect(sut.append({ ...entry('bad-bureau'), bureau: 'far-too-long' })).rejects.toThrow(/too long/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await rowsOf('bad-bureau')).toBe(0);
  });
});
