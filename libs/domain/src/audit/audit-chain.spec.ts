import { describe, expect, it } from '@jest/globals';
import { AUDIT_GENESIS_HASH, auditHash, verifyAuditChain, type AuditEntry } from '#libs/domain';

function entry(seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: `2026-11-27T0${seq}:00:00.000Z`,
    kind: 'write',
    actor: 'officer_320902',
    role: 'officer',
    bureau: '320902',
    method: 'POST',
    path: '/api/v1/leads',
    status: 201,
    ip: '127.0.0.1',
    requestId: `r${seq}`,
    ...overrides,
  };
}

function chain(entries: AuditEntry[]) {
  let previous = AUDIT_GENESIS_HASH;
  return entries.map((e) => {
    previous = auditHash(previous, e);
    return { ...e, hash: previous };
  });
}

describe(verifyAuditChain.name, () => {
  const rows = chain([entry(1), entry(2), entry(3, { kind: 'pii_read', method: 'GET', path: '/api/v1/complaints/x', status: 200 })]);

  it('accepts an intact chain', () => {
    expect(verifyAuditChain(rows)).toEqual({ checked: 3, ok: true });
  });

  it('finds a changed row', () => {
    const tampered = rows.map((r) => (r.seq === 2 ? { ...r, actor: 'someone_else' } : r));
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it('finds a removed row', () => {
    expect(verifyAuditChain([rows[0]!, rows[2]!])).toMatchObject({ ok: false, brokenAtSeq: 3 });
  });

  it('hashes deterministically and differently per previous hash', () => {
    expect(auditHash(AUDIT_GENESIS_HASH, entry(1))).toBe(rows[0]!.hash);
    expect(auditHash('f'.repeat(64), entry(1))).not.toBe(rows[0]!.hash);
  });
});
