import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditHash, type AuditEntry } from '#libs/domain';

type NewAuditEntry = Omit<AuditEntry, 'seq'>;
type StoredAuditEntry = AuditEntry & { hash: string };

/** Chain position and insert must be atomic: one advisory lock serialises appends across replicas. */
const AUDIT_LOCK_KEY = 7_320_900;

interface Pending {
  entry: NewAuditEntry;
  done: (error?: unknown) => void;
}

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
      this.queue.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeBatch(batch.map((p) => p.entry));
        batch.forEach((p) => p.done());
      } catch (error) {
        batch.forEach((p) => p.done(error));
      }
    }
    this.flushing = false;
  }

  private async writeBatch(entries: NewAuditEntry[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
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
