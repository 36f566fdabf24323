import { describe, expect, it } from '@jest/globals';
import { BUREAU_SEED, BureauTree } from '#libs/auth';

describe(BureauTree.name, () => {
  const sut = new BureauTree(BUREAU_SEED);

  it('gives a city bureau itself and its 11 county/zone bureaus', () => {
    const yancheng = sut.subtree('320900');
    expect(yancheng).toHaveLength(12);
    expect(yancheng).toEqual(expect.arrayContaining(['320900', '320902', '320981', '320972']));
  });

  it('gives a county bureau only itself', () => {
    expect(sut.subtree('320902')).toEqual(['320902']);
  });

  it('finds the common superior of two county bureaus (指定管辖)', () => {
    expect(sut.commonSuperior('320902', '320925')).toBe('320900');
  });

  it('knows nothing of an unknown code', () => {
    expect(sut.subtree('999999')).toEqual([]);
  });
});
