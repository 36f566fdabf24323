import { createHash } from 'node:crypto';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type Integrity = 'ok' | 'mismatch' | 'missing';

/**
 * What a read of evidence found, whatever store it came from: bytes are genuine only when they
 * hash to the SHA-256 taken at capture (an ETag or a store's own checksum is not trusted).
 */
export function checkIntegrity(capturedSha256: string, content: Buffer | null): { actualSha256: string | null; integrity: Integrity } {
  if (!content) return { actualSha256: null, integrity: 'missing' };
  const actualSha256 = sha256Of(content);
  return { actualSha256, integrity: actualSha256 === capturedSha256 ? 'ok' : 'mismatch' };
}
