import { describe, expect, it } from '@jest/globals';
import { checkIntegrity } from './evidence-integrity.js';

// SHA-256 of the ASCII bytes "abc" (FIPS 180-2, appendix B.1).
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe(checkIntegrity.name, () => {
  it.each([
    { read: 'the captured bytes', content: Buffer.from('abc'), expected: { actualSha256: ABC, integrity: 'ok' } },
    {
      read: 'other bytes under the hash',
      content: Buffer.from('abd'),
      expected: { actualSha256: 'a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9', integrity: 'mismatch' },
    },
    { read: 'empty bytes under the hash', content: Buffer.alloc(0), expected: { actualSha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', integrity: 'mismatch' } },
    { read: 'nothing', content: null, expected: { actualSha256: null, integrity: 'missing' } },
  ])('$read → $expected.integrity', ({ content, expected }) => {
    expect(checkIntegrity(ABC, content)).toEqual(expected);
  });
});
