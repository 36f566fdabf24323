import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkIntegrity } from '../../apps/cases/src/evidence/evidence-integrity.js';
import type { EvidenceStore } from '../../apps/cases/src/evidence/evidence-store.js';

export interface EvidenceStoreFixture {
  store: EvidenceStore;
  /** Puts other bytes under the hash directly on the medium, as someone with access to it could. */
  overwrite(sha256: string, bytes: Buffer): Promise<void>;
  /** Deletes what is under the hash directly on the medium. */
  remove(sha256: string): Promise<void>;
  close(): Promise<void>;
}

const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Distinct bytes for each test, so tests on one store never share an object. */
const evidenceBytes = (size: number) => {
  const bytes = randomBytes(size);
  return { bytes, sha256: sha256Hex(bytes) };
};

/**
 * What every EvidenceStore adapter guarantees, read the way the evidence service reads
 * (`checkIntegrity` on whatever `get` returns). One rule set, run against each adapter.
 */
export function describeEvidenceStoreContract(name: string, open: () => Promise<EvidenceStoreFixture>): void {
  describe(`${name} (EvidenceStore contract)`, () => {
    let f: EvidenceStoreFixture;
    beforeAll(async () => {
      f = await open();
    });
    afterAll(async () => f?.close());

    it.each([
      { file: 'a 1.3 MB screenshot', size: 1_300_000 },
      { file: 'an empty file', size: 0 },
    ])('keeps $file under its SHA-256 and reads it back verified', async ({ size }) => {
      const { bytes, sha256 } = evidenceBytes(size);
      await f.store.put(sha256, bytes);
      const read = await f.store.get(sha256);
      expect(read?.equals(bytes)).toBe(true);
      expect(checkIntegrity(sha256, read)).toEqual({ actualSha256: sha256, integrity: 'ok' });
    });

    it('takes the same bytes under the same hash again, one after the other or at once, without harm', async () => {
      const { bytes, sha256 } = evidenceBytes(64 * 1024);
      await f.store.put(sha256, bytes);
      await f.store.put(sha256, bytes);
      await Promise.all([f.store.put(sha256, bytes), f.store.put(sha256, bytes)]);
      expect(checkIntegrity(sha256, await f.store.get(sha256))).toEqual({ actualSha256: sha256, integrity: 'ok' });
    });

    it('restores damaged bytes when the same evidence is put again', async () => {
      const { bytes, sha256 } = evidenceBytes(4096);
      await f.store.put(sha256, bytes);
      await f.overwrite(sha256, Buffer.from('forged'));
      await f.store.put(sha256, bytes);
      expect((await f.store.get(sha256))?.equals(bytes)).toBe(true);
    });

    it('flags bytes overwritten behind its back as a mismatch, naming the hash of what it found', async () => {
      const { bytes, sha256 } = evidenceBytes(4096);
      await f.store.put(sha256, bytes);
      const forged = Buffer.from('forged screenshot');
      await f.overwrite(sha256, forged);
      expect(checkIntegrity(sha256, await f.store.get(sha256))).toEqual({ actualSha256: sha256Hex(forged), integrity: 'mismatch' });
    });

    it('reads bytes deleted behind its back, or never stored, as missing', async () => {
      const deleted = evidenceBytes(4096);
      await f.store.put(deleted.sha256, deleted.bytes);
      await f.remove(deleted.sha256);
      const never = evidenceBytes(16);
      for (const { sha256 } of [deleted, never]) {
        expect(await f.store.get(sha256)).toBeNull();
        expect(checkIntegrity(sha256, await f.store.get(sha256))).toEqual({ actualSha256: null, integrity: 'missing' });
      }
    });

    it.each(['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(64)}/x`])('refuses %s as a name', async (sha256) => {
      await expect(f.store.put(sha256, Buffer.from('x'))).rejects.toThrow('not a SHA-256');
      await expect(f.store.get(sha256)).rejects.toThrow('not a SHA-256');
    });
  });
}
