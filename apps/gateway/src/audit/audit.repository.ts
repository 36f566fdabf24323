import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_GENESIS_HASH, auditHash, type AuditEntry } from '#libs/domain';

type NewAuditEntry = Omit<AuditEntry, 'seq'>;
type StoredAuditEntry = AuditEntry & { hash: string };

/** Chain position and insert must be atomic: one advisory lock serialises appends. */
const AUDIT_LOCK_KEY = 7_320_900;

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: NewAuditEntry): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
      const [last] = (await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) as { seq: string; hash: string }[];
      const seq = last ? Number(last.seq) + 1 : 1;
      const full: AuditEntry = { ...entry, seq };
      await manager.query(
        `INSERT INTO audit_log (seq, at, kind, actor, role, bureau, method, path, status, ip, request_id, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [seq, full.at, full.kind, full.actor, full.role, full.bureau, full.method, full.path, full.status, full.ip, full.requestId, auditHash(last?.hash ?? AUDIT_GENESIS_HASH, full)],
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
