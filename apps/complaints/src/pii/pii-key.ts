const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** A 32-byte AES-256 key from 64 hex characters or base64; undefined when it is neither. */
export function parsePiiKey(value: string): Buffer | undefined {
  const v = value.trim();
  if (HEX_KEY.test(v)) return Buffer.from(v, 'hex');
  if (BASE64_KEY.test(v)) {
    const key = Buffer.from(v, 'base64');
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}
