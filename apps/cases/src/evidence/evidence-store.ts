/**
 * Where the bytes of 电子数据 live, by their SHA-256 taken at capture (the port; adapters decide
 * the medium). A store only keeps bytes: the evidence service re-hashes whatever comes back, so
 * a store that returns altered bytes is caught whichever store it is.
 */
export abstract class EvidenceStore {
  /** Keeps the bytes under the hash, durably, before the evidence row is committed. */
  abstract put(sha256: string, bytes: Buffer): Promise<void>;

  /** The bytes kept under the hash, or null when there are none. */
  abstract get(sha256: string): Promise<Buffer | null>;
}
