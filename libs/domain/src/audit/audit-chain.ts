import { createHash } from 'node:crypto';

/** One audit entry as it is hashed: every field that must not change afterwards. */
export interface AuditEntry {
  seq: number;
  at: string;
  kind: 'write' | 'pii_read' | 'login';
  actor: string;
  role: string;
  bureau: string;
  method: string;
  path: string;
  status: number;
  ip: string;
  requestId: string;
}

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * Each entry's hash covers the previous hash, so changing, removing or reordering any row
 * breaks every hash after it (审计日志防篡改).
 */
export function auditHash(previousHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.kind,
    entry.actor,
    entry.role,
    entry.bureau,
    entry.method,
    entry.path,
    entry.status,
    entry.ip,
    entry.requestId,
  ]);
  return createHash('sha256').update(previousHash).update('|').update(canonical).digest('hex');
}

export interface ChainVerification {
  checked: number;
  ok: boolean;
  /** The first entry whose stored hash does not match the chain. */
  brokenAtSeq?: number;
}

export function verifyAuditChain(rows: (AuditEntry & { hash: string })[]): ChainVerification {
  let previous = AUDIT_GENESIS_HASH;
  for (const row of rows) {
    if (auditHash(previous, row) !== row.hash) return { checked: rows.length, ok: false, brokenAtSeq: row.seq };
    previous = row.hash;
  }
  return { checked: rows.length, ok: true };
}
