import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys of external systems (the `integration` role, domain.md §1): `wj_<lookup>_<secret>`.
 * The lookup part finds the row; only a SHA-256 of the secret is stored (a 192-bit random
 * secret needs no slow hash), so a leaked table does not leak working keys.
 */
export interface IssuedApiKey {
  /** Shown to the admin once, never stored. */
  key: string;
  lookup: string;
  secretHash: string;
}

const API_KEY = /^wj_([0-9a-f]{16})_([A-Za-z0-9_-]{32})$/;

export function issueApiKey(): IssuedApiKey {
  const lookup = randomBytes(8).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  return { key: `wj_${lookup}_${secret}`, lookup, secretHash: apiKeySecretHash(secret) };
}

export function apiKeySecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The parts of a presented key, or null when it cannot be one of ours. */
export function parseApiKey(presented: string): { lookup: string; secret: string } | null {
  const match = API_KEY.exec(presented.trim());
  return match ? { lookup: match[1]!, secret: match[2]! } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function apiKeyMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(apiKeySecretHash(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
