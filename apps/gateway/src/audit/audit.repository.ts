import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditHash, type AuditEntry } from '#libs/domain';
import { backoffDelay } from '#libs/messaging';
import { isDatabaseUnavailable } from '#libs/service-kit';

type NewAuditEntry = Omit<AuditEntry, 'seq'>;
type StoredAuditEntry = AuditEntry & { hash: string };

/** Chain position and insert must be atomic: one advisory lock serialises appends across replicas. */
export const AUDIT_LOCK_KEY = 7_320_900;
/**
 * How long an entry keeps being retried while PostgreSQL cannot serve, counted from its arrival.
 * A `pg_ctl restart`, a crash recovery or a managed failover is over in seconds; the request
 * holds its response meanwhile (the gateway answers only once its entry is in the chain), so
 * past this bound the client is better told than kept waiting. Not configurable: it only has to
 * outlast an ordinary restart, and the client's own timeout is the real limit.
 */
const RETRY_FOR_MS = 20_000;
/**
 * A batch's transaction is a few statements in a row; idle this long inside it, its client is
 * hung or cut off (a replica frozen, a network partition), and PostgreSQL ends it: otherwise it
 * would hold the chain lock, and every replica's requests with it, until TCP gives up.
 */
const HOLDER_IDLE_LIMIT_MS = 5_000;
/** Short at first (a restart is often over already), capped so the database is tried again soon after it is back. */
const FIRST_PAUSE_MS = 50;
const MAX_PAUSE_MS = 500;

interface Pending {
  entry: NewAuditEntry;
  /** performance.now() at arrival: the retry bound counts from here. */
  since: number;
  done: (error?: unknown) => void;
}

/** pg_xact_status of the transaction an earlier attempt opened (null: too old to tell, never the case within the retry bound). */
type TransactionStatus = 'committed' | 'aborted' | 'in progress' | null;

@Injectable()
export class AuditRepository {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Group commit: entries that arrive while a batch is being written go into the next batch,
   * so the chain lock is taken once per batch, not once per request.
   */
  append(entry: NewAuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, since: performance.now(), done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeExactlyOnce(batch.map((p) => p.entry), batch[0]!.since + RETRY_FOR_MS);
        batch.forEach((p) => p.done());
      } catch (error) {
        batch.forEach((p) => p.done(error));
      }
    }
    this.flushing = false;
  }

  /**
   * Retries the batch while the database is unreachable (a restart, a dropped connection) until
   * `deadline`. Lock, chain position and insert are one transaction, so an attempt adds the whole
   * batch or nothing and the chain stays whole; only a connection lost during COMMIT leaves open
   * which, and then the attempt's transaction id says it before anything is written again, so a
   * batch is never in the chain twice.
   */
  private async writeExactlyOnce(entries: NewAuditEntry[], deadline: number): Promise<void> {
    /** The transaction of the last attempt, once the server gave it an id: it may have committed. */
    let attempt: string | undefined;
    for (let tries = 1; ; tries++) {
      let failure: unknown;
      try {
        const earlier: TransactionStatus = attempt === undefined ? 'aborted' : await this.transactionStatus(attempt);
        if (earlier === 'committed') return;
        if (earlier === 'in progress') {
          // Its session has not yet noticed the lost client; it still holds the chain lock and ends soon.
          failure = new Error(`audit batch transaction ${attempt} is still in progress`);
        } else {
          attempt = undefined;
          await this.writeBatch(entries, (xid) => (attempt = xid));
          return;
        }
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        failure = error;
      }
      const pause = backoffDelay(tries, FIRST_PAUSE_MS, MAX_PAUSE_MS);
      if (performance.now() + pause > deadline) throw failure;
      await sleep(pause);
    }
  }

  private async transactionStatus(xid: string): Promise<TransactionStatus> {
    const [row] = (await this.dataSource.query('SELECT pg_xact_status($1::xid8) AS status', [xid])) as { status: TransactionStatus }[];
    return row!.status;
  }

  private async writeBatch(entries: NewAuditEntry[], begun: (xid: string) => void): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [{ xid }] = (await manager.query(
        `SELECT set_config('idle_in_transaction_session_timeout', $2, true), pg_advisory_xact_lock($1), pg_current_xact_id()::text AS xid`,
        [AUDIT_LOCK_KEY, String(HOLDER_IDLE_LIMIT_MS)],
      )) as [{ xid: string }];
      begun(xid);
      const [last] = (await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: string }[];
      let seq = last ? Number(last.seq) : 0;
      let previous = last?.hash ?? AUDIT_GENESIS_HASH;
      const values: unknown[] = [];
      const rows: string[] = [];
      for (const entry of entries) {
        const full: AuditEntry = { ...entry, seq: ++seq };
        previous = auditHash(previous, full);
        const base = values.length;
        rows.push(`(${Array.from({ length: 12 }, (_, i) => `$${base + i + 1}`).join(',')})`);
        values.push(full.seq, full.at, full.kind, full.actor, full.role, full.bureau, full.method, full.path, full.status, full.ip, full.requestId, previous);
      }
      await manager.query(
        `INSERT INTO audit_log (seq, at, kind, actor, role, bureau, method, path, status, ip, request_id, hash) VALUES ${rows.join(',')}`,
        values,
      );
    });
  }

  async all(): Promise<StoredAuditEntry[]> {
    return this.select('', []);
  }

  page(bureaus: string[], limit: number, beforeSeq?: number): Promise<StoredAuditEntry[]> {
    return this.select('WHERE bureau = ANY($1) AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3', [bureaus, beforeSeq ?? null, limit]);
  }

  private async select(tail: string, params: unknown[]): Promise<StoredAuditEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, kind, actor, role, bureau, method, path, status, ip, request_id, hash
       FROM audit_log ${tail || 'ORDER BY seq'}`,
      params,
    )) as Record<string, string>[];
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at!,
      kind: r.kind as AuditEntry['kind'],
      actor: r.actor!,
      role: r.role!,
      bureau: r.bureau!,
      method: r.method!,
      path: r.path!,
      status: Number(r.status),
      ip: r.ip!,
      requestId: r.request_id!,
      hash: r.hash!,
    }));
  }
}
