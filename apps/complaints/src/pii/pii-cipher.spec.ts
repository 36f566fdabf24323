import { describe, expect, it } from '@jest/globals';
import { loadConfig, ConfigError } from '#libs/config';
import { ComplaintsConfig, DEV_PII_KEY } from '../complaints.config.js';
import { PiiCipher } from './pii-cipher.js';

const config = (env: Record<string, string>) => loadConfig(ComplaintsConfig, env);

describe(PiiCipher.name, () => {
  const sut = new PiiCipher(config({ PII_KEY: 'q'.repeat(43) + '=' }));

  it.each(['张三', '13812345678', '320902199001011234', '江苏省盐城市亭湖区解放南路1号'])('round-trips %s and never stores it in clear', (plain) => {
    const stored = sut.encrypt(plain);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(plain);
    expect(sut.decrypt(stored)).toBe(plain);
  });

  it('uses a fresh IV per value', () => {
    expect(sut.encrypt('张三')).not.toBe(sut.encrypt('张三'));
  });

  it('refuses a value encrypted under another key', () => {
    const other = new PiiCipher(config({ PII_KEY: 'ab'.repeat(32) }));
    expect(() => other.decrypt(sut.encrypt('张三'))).toThrow();
  });
});

describe(ComplaintsConfig.name, () => {
  it.each<{ env: Record<string, string>; ok: boolean }>([
    { env: { PII_KEY: 'short' }, ok: false },
    { env: { PII_KEY: 'zz'.repeat(32) }, ok: false },
    { env: { PII_KEY: 'ab'.repeat(32) }, ok: true },
    { env: { PII_KEY: 'q'.repeat(43) + '=' }, ok: true },
    { env: {}, ok: true },
    { env: { NODE_ENV: 'production' }, ok: false },
    { env: { NODE_ENV: 'production', PII_KEY: DEV_PII_KEY }, ok: false },
    { env: { NODE_ENV: 'production', PII_KEY: 'ab'.repeat(32) }, ok: true },
  ])('$env → valid: $ok', ({ env, ok }) => {
    if (ok) expect(config(env).PII_KEY).toBeDefined();
    else expect(() => config(env)).toThrow(ConfigError);
  });
});
