import { describe, expect, it } from '@jest/globals';
import { apiKeyMatches, apiKeySecretHash, issueApiKey, parseApiKey } from './api-key.js';

describe('api keys', () => {
  it('issues a key whose parts parse back and whose secret matches only the stored hash', () => {
    const sut = issueApiKey();
    expect(sut.key).toMatch(/^wj_[0-9a-f]{16}_[A-Za-z0-9_-]{32}$/);
    const parts = parseApiKey(sut.key)!;
    expect(parts.lookup).toBe(sut.lookup);
    expect(apiKeyMatches(parts.secret, sut.secretHash)).toBe(true);
    expect(apiKeyMatches(`${parts.secret.slice(0, -1)}x`, sut.secretHash)).toBe(parts.secret.endsWith('x'));
    expect(sut.key).not.toContain(sut.secretHash);
  });

  it('hashes the secret with SHA-256 (worked example)', () => {
    expect(apiKeySecretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each(['', 'wj_', 'wj_0123456789abcdef_short', 'wj_0123456789ABCDEF_' + 'a'.repeat(32), 'xx_0123456789abcdef_' + 'a'.repeat(32), 'Bearer abc'])(
    'refuses %j as a key',
    (presented) => {
      expect(parseApiKey(presented)).toBeNull();
    },
  );

  it('never matches a hash of another length', () => {
    expect(apiKeyMatches('anything', 'abcd')).toBe(false);
  });
});
