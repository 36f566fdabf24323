const SHA256 = /^[0-9a-f]{64}$/;

/** The hash as a store's object name: only a checked hash, so no name can escape the store. */
export function storeKeyOf(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

/**
 * Where the bytes of 电子数据 live, by their SHA-256 taken at capture (the port; adapters decide
 * the medium). A store only keeps bytes: the evidence service re-hashes whatever comes back, so
 * a store that returns altered bytes is caught whichever store it is.
 */
export abstract class EvidenceStore {
  /** Keeps the bytes under the hash, durably, before the evidence row is committed; again under the same hash is harmless. */
  abstract put(sha256: string, bytes: Buffer): Promise<void>;

  /** The bytes kept under the hash, or null when there are none. */
  abstract get(sha256: string): Promise<Buffer | null>;
}
