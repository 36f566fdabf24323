import { describe, expect, it } from '@jest/globals';
import { isValidUscc, usccCheckCharacter } from '#libs/domain';

describe(isValidUscc.name, () => {
  it.each([
    ['91350100M000100Y43', true], // the standard's published example
    ['91110000802100433B', true], // Baidu (Beijing)
    ['91320000134767924X', false], // check character altered
    ['91350100M000100Y4', false], // 17 characters
    ['91350100M000100Y4I', false], // I is not in the alphabet
    ['9135010OM000100Y43', false], // O in the body
    ['', false],
  ])('%s → %s', (code, expected) => {
    expect(isValidUscc(code)).toBe(expected);
  });

  it('computes the check character of the standard example', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});
