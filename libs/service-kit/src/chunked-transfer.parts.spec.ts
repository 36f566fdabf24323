import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '#libs/domain';
import { joinParts, splitIntoParts } from './chunked-transfer.parts.js';

describe(splitIntoParts.name, () => {
  it.each([
    [0, 4, []],
    [3, 4, [3]],
    [4, 4, [4]],
    [9, 4, [4, 4, 1]],
  ])('cuts %i bytes into parts of %i as %j', (size, partBytes, sizes) => {
    const bytes = Buffer.from(Array.from({ length: size }, (_, i) => i));
    const sut = splitIntoParts(bytes, partBytes);
    expect(sut.map((p) => p.length)).toEqual(sizes);
    expect(Buffer.concat(sut).equals(bytes)).toBe(true);
  });
});

describe(joinParts.name, () => {
  const part = (index: number, text: string) => ({ index, data: Buffer.from(text) });

  it('puts parts received out of order back in order', () => {
    expect(joinParts([part(2, 'c'), part(0, 'a'), part(1, 'b')], 3, 10).toString()).toBe('abc');
  });

  it.each([
    ['a missing part', [part(0, 'a'), part(2, 'c')], 3, 'UPLOAD_INCOMPLETE'],
    ['a gap at the start', [part(1, 'b'), part(2, 'c')], 2, 'UPLOAD_INCOMPLETE'],
    ['no part at all', [], 0, 'UPLOAD_INCOMPLETE'],
    ['more parts than announced', [part(0, 'a'), part(1, 'b')], 1, 'UPLOAD_INCOMPLETE'],
    ['too many bytes', [part(0, 'abcdef'), part(1, 'ghijkl')], 2, 'FILE_TOO_LARGE'],
  ])('refuses %s', (_label, parts, expected, code) => {
    const sut = () => joinParts(parts, expected, 10);
    expect(sut).toThrow(ValidationError);
    try {
      sut();
    } catch (error) {
      expect((error as ValidationError).details[0]).toMatchObject({ field: 'file', code });
    }
  });
});
