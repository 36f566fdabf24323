import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DataSource, QueryRunner } from 'typeorm';
import { EVENT_HEADERS, type NatsNames } from '#libs/contracts';
import { backoffDelay } from './backoff.js';
import { defaultLogger, type MessagingLogger } from './logger.js';
import { NATS_CONNECTION_DEFAULTS } from './nats-connection.js';
import { describeError } from './permanent-event-error.js';
import { outboxChannel } from './schema.js';

const UTF8 = new TextEncoder();

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** NATS URL(s), comma-separated. */
  servers: string;
  names: NatsNames;
  /**
   * Most rows claimed and published per transaction (default 500). A batch costs a few round
   * trips whatever its size, so when the relay falls behind on a loaded machine a large batch
   * lets it catch up; when it keeps up, batches are what was written since the last one.
   */
  batchSize?: number;
  /** Poll interval when idle; NOTIFY on insert usually wakes the relay sooner. */
  pollMs?: number;
  /**
   * How long the relay waits after a NOTIFY before claiming (default 20 ms), so a steady stream
   * of small writes is published in batches instead of a claim transaction per write.
   */
  lingerMs?: number;
  /** First and last delay of the capped exponential backoff while NATS or the database fail. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long to wait for each JetStream ack. */
  publishTimeoutMs?: number;
  logger?: MessagingLogger;
  /** Fault injection for process-level tests only: called with the claimed ids. */
  faultHooks?: {
    beforePublish?(ids: string[]): void | Promise<void>;
    afterPublish?(ids: string[]): void | Promise<void>;
  };
}

/** The slice of a `pg` client the relay uses for LISTEN. */
interface PgClient {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: string, fn: () => void): void;
  removeListener(event: string, fn: () => void): void;
}

interface ClaimedRow {
  id: string;
  type: string;
  /** The envelope as JSON text: published as stored, never parsed here. */
  envelope: string;
  headers: Record<string, string> | null;
}

/**
 * Publishes outbox rows to JetStream. Replicas share the work: each claims a batch with
 * `FOR UPDATE SKIP LOCKED`, publishes it with Nats-Msg-Id = event id, and marks it published in
 * the same transaction. A crash anywhere leaves the rows unpublished (re-published later, the
 * stream drops the duplicate) or published and marked; nothing is lost.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly lingerMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly publishTimeoutMs: number;
  private readonly logger: MessagingLogger;
  private running = false;
  private loop?: Promise<void>;
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private natsUp = false;
  private wake?: () => void;
  private listener?: { qr: QueryRunner; client: PgClient; onNotify: () => void; onError: () => void };

  constructor(private readonly opts: OutboxRelayOptions) {
    this.batchSize = opts.batchSize ?? 500;
    this.pollMs = opts.pollMs ?? 250;
    this.lingerMs = opts.lingerMs ?? 20;
    this.minBackoffMs = opts.minBackoffMs ?? 200;
    this.maxBackoffMs = opts.maxBackoffMs ?? 5000;
    this.publishTimeoutMs = opts.publishTimeoutMs ?? 5000;
    this.logger = opts.logger ?? defaultLogger(OutboxRelay.name);
  }

  /** Starts the loop and returns at once: NATS may be down, writes go on, the relay catches up. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.unlisten();
    const nc = this.nc;
    this.nc = undefined;
    this.js = undefined;
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
  }

  /** Age in seconds of the oldest unpublished row (0 when all are published). */
  async lagSeconds(): Promise<number> {
    const rows: { lag: string | number | null }[] = await this.opts.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (now() - min(created_at))) AS lag FROM outbox WHERE published_at IS NULL`,
    );
    const lag = Number(rows[0]?.lag ?? 0);
    return Number.isFinite(lag) ? Math.max(0, lag) : 0;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.listen();
        const js = await this.jetStream();
        const published = await this.publishBatch(js);
        if (failures > 0) this.logger.log(`outbox relay recovered after ${failures} failed attempt(s)`);
        failures = 0;
        if (published < this.batchSize) await this.sleep(this.pollMs, true);
      } catch (err) {
        failures++;
        const delay = backoffDelay(failures, this.minBackoffMs, this.maxBackoffMs);
        this.logger.warn(`outbox relay attempt ${failures} failed (${describeError(err)}); retrying in ${delay} ms`);
        await this.sleep(delay, false);
      }
    }
  }

  /** Claims, publishes and marks one batch; returns how many rows were published. */
  private async publishBatch(js: JetStreamClient): Promise<number> {
    const qr = this.opts.dataSource.createQueryRunner();
    try {
      await qr.connect();
      await qr.startTransaction();
      // Bounds how long a hung relay can hold its claim (see RELAY_RETRY_HORIZON_MS).
      await qr.query(`SET LOCAL idle_in_transaction_session_timeout = '60s'`);
      const rows: ClaimedRow[] = await qr.query(
        `SELECT id, type, envelope::text AS envelope, headers FROM outbox
          WHERE published_at IS NULL
          ORDER BY created_at, id
          FOR UPDATE SKIP LOCKED
          LIMIT $1`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await qr.commitTransaction();
        return 0;
      }
      const ids = rows.map((r) => r.id);
      await this.opts.faultHooks?.beforePublish?.(ids);
      // Pipelined: every publish is sent before any ack is awaited.
      const acks = rows.map((row) => this.publishRow(js, row));
      const results = await Promise.allSettled(acks);
      await this.opts.faultHooks?.afterPublish?.(ids);
      const ok = ids.filter((_, i) => results[i].status === 'fulfilled');
      const duplicates = results.filter((r) => r.status === 'fulfilled' && r.value.duplicate).length;
      if (duplicates > 0) {
        this.logger.log(`${duplicates} event(s) were already in the stream (re-publish after an interrupted batch); deduplicated`);
      }
      const failed = ids.filter((_, i) => results[i].status === 'rejected');
      if (ok.length > 0) {
        await qr.query(`UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [ok]);
      }
      let firstError: unknown;
      if (failed.length > 0) {
        firstError = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
        await qr.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
          failed,
          describeError(firstError).slice(0, 1000),
        ]);
      }
      await qr.commitTransaction();
      if (firstError !== undefined) throw firstError;
      return ok.length;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release().catch(() => undefined);
    }
  }

  private publishRow(js: JetStreamClient, row: ClaimedRow): Promise<PubAck> {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(row.headers ?? {})) {
      // msgID below sets Nats-Msg-Id; setting it twice would send two values.
      if (k !== EVENT_HEADERS.msgId) h.set(k, v);
    }
    const data = UTF8.encode(row.envelope);
    return js.publish(this.opts.names.eventSubject(row.type), data, {
      msgID: row.id,
      headers: h,
      timeout: this.publishTimeoutMs,
      expect: { streamName: this.opts.names.eventStream },
    });
  }

  private async jetStream(): Promise<JetStreamClient> {
    if (this.nc && !this.nc.isClosed() && this.js) {
      if (!this.natsUp) throw new Error('NATS connection is down (reconnecting)');
      return this.js;
    }
    const nc = await connect({
      servers: this.opts.servers.split(',').map((s) => s.trim()),
      name: 'outbox-relay',
      ...NATS_CONNECTION_DEFAULTS,
      timeout: 2000,
    });
    this.nc = nc;
    this.js = jetstream(nc);
    this.natsUp = true;
    void this.watchStatus(nc);
    return this.js;
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this.natsUp = false;
      } else if (s.type === 'reconnect') {
        this.natsUp = true;
        this.logger.log('outbox relay reconnected to NATS');
        this.wake?.();
      }
    }
    if (this.nc === nc) this.natsUp = false;
  }

  /** Best effort: without LISTEN the relay still polls every `pollMs`. */
  private async listen(): Promise<void> {
    if (this.listener) return;
    const qr = this.opts.dataSource.createQueryRunner();
    try {
      const client = (await qr.connect()) as PgClient;
      const { rows } = await client.query(`SELECT current_schema() AS schema`);
      const onNotify = () => this.wake?.();
      const onError = () => {
        // The query runner releases a broken connection itself; the next iteration listens anew.
        if (this.listener?.qr === qr) this.listener = undefined;
      };
      client.on('notification', onNotify);
      client.on('error', onError);
      this.listener = { qr, client, onNotify, onError };
      await client.query(`LISTEN "${outboxChannel(String(rows[0].schema)).replace(/"/g, '""')}"`);
    } catch (err) {
      await this.unlisten();
      await qr.release().catch(() => undefined);
      throw err;
    }
  }

  private async unlisten(): Promise<void> {
    const l = this.listener;
    this.listener = undefined;
    if (!l) return;
    l.client.removeListener('notification', l.onNotify);
    l.client.removeListener('error', l.onError);
    // The connection goes back to the pool: it must not keep listening for us.
    await l.client.query('UNLISTEN *').catch(() => undefined);
    await l.qr.release().catch(() => undefined);
  }

  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      let timer = setTimeout(done, ms);
      let lingering = false;
      // A NOTIFY wakes us lingerMs later (writes arriving meanwhile join the batch); stop() at once.
      const linger = () => {
        if (!this.running) return done();
        if (lingering) return;
        lingering = true;
        clearTimeout(timer);
        timer = setTimeout(done, this.lingerMs);
      };
      // While backing off, a NOTIFY must not wake us (that would hammer a dead NATS per write);
      // stop() and a NATS reconnect still do.
      this.wake = wakeOnNotify ? linger : () => (!this.running || this.natsUp ? done() : undefined);
    });
  }
}
