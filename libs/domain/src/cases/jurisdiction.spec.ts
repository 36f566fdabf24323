import { describe, expect, it } from '@jest/globals';
import { caseJurisdiction, type CaseJurisdictionInput } from './jurisdiction.js';

describe(caseJurisdiction.name, () => {
  it.each<[string, CaseJurisdictionInput, string[]]>([
    ['platform operator → domicile', { operatorKind: 'platform', domicileBureau: '320902', businessBureau: '320903' }, ['320902']],
    ['self-built site → domicile', { operatorKind: 'own_site', domicileBureau: '320904', businessBureau: '320903' }, ['320904']],
    ['in-platform → place of business', { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: '320922', platformDomicileBureau: '320902' }, ['320922']],
    ['in-platform without known place of business → domicile', { operatorKind: 'in_platform', domicileBureau: '320921' }, ['320921']],
    [
      'in-platform found first by the platform bureau → either',
      { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: '320922', platformDomicileBureau: '320902', foundBy: '320902' },
      ['320922', '320902'],
    ],
    [
      'in-platform found first by another bureau → place of business only',
      { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: '320922', platformDomicileBureau: '320902', foundBy: '320903' },
      ['320922'],
    ],
    ['other → place of business, then domicile', { operatorKind: 'other', domicileBureau: '320921', businessBureau: '320922' }, ['320922', '320921']],
  ])('%s', (_label, input, bureaus) => {
    const sut = caseJurisdiction(input);
    expect(sut.bureaus).toEqual(bureaus);
    expect(sut.basis).toMatch(/管辖/);
  });
});
