import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ComplaintsConfig } from '../complaints.config.js';
import { parsePiiKey } from './pii-key.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for personal data at rest: `v1:<base64(iv | tag | ciphertext)>`. A fresh IV per
 * value; the auth tag makes a tampered or wrongly keyed value fail instead of decrypting to garbage.
 */
@Injectable()
export class PiiCipher {
  private readonly key: Buffer;

  constructor(config: ComplaintsConfig) {
    const key = parsePiiKey(config.PII_KEY);
    if (!key) throw new Error('PII_KEY is not a 32-byte key');
    this.key = key;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, data] = stored.split(':');
    if (version !== VERSION || !data) throw new Error('unknown PII ciphertext format');
    const raw = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  encryptOptional(plain: string | undefined): string | null {
    return plain === undefined || plain === '' ? null : this.encrypt(plain);
  }
}
