import { describe, expect, it } from '@jest/globals';
import { complaintJurisdiction, hasJurisdiction, type JurisdictionInput } from './jurisdiction.js';

describe(complaintJurisdiction.name, () => {
  const before121 = '2026-04-14';
  const after121 = '2026-04-15';
  it.each<{ name: string; input: JurisdictionInput; bureaus: string[] }>([
    {
      name: 'platform operator → its domicile only',
      input: { kind: 'platform', domicileBureau: '320902', businessBureau: '320903', receivedDate: after121 },
      bureaus: ['320902'],
    },
    {
      name: 'in-platform operator → place of business, then the platform domicile',
      input: { kind: 'in_platform', businessBureau: '320981', platformDomicileBureau: '320902', receivedDate: after121 },
      bureaus: ['320981', '320902'],
    },
    {
      name: 'in-platform seller unreachable under Order 121 → platform domicile alone',
      input: { kind: 'in_platform', businessBureau: '320981', platformDomicileBureau: '320902', sellerReachable: false, receivedDate: after121 },
      bureaus: ['320902'],
    },
    {
      name: 'in-platform seller unreachable before Order 121 → ordinary rule',
      input: { kind: 'in_platform', businessBureau: '320981', platformDomicileBureau: '320902', sellerReachable: false, receivedDate: before121 },
      bureaus: ['320981', '320902'],
    },
    {
      name: 'other operator → place of business or domicile',
      input: { kind: 'other', businessBureau: '320904', domicileBureau: '320925', receivedDate: after121 },
      bureaus: ['320904', '320925'],
    },
    {
      name: 'own-site operator in one place → one bureau',
      input: { kind: 'own_site', businessBureau: '320904', domicileBureau: '320904', receivedDate: after121 },
      bureaus: ['320904'],
    },
    { name: 'nothing known → cannot tell', input: { kind: 'other', receivedDate: after121 }, bureaus: [] },
  ])('$name', ({ input, bureaus }) => {
    const sut = complaintJurisdiction(input);
    expect(sut.bureaus).toEqual(bureaus);
    expect(sut.basis).not.toBe('');
  });
});

describe(hasJurisdiction.name, () => {
  it.each([
    { bureaus: ['320902'], bureau: '320902', expected: true },
    { bureaus: ['320902'], bureau: '320903', expected: false },
    { bureaus: [], bureau: '320903', expected: true },
  ])('$bureaus / $bureau → $expected', ({ bureaus, bureau, expected }) => {
    expect(hasJurisdiction({ bureaus, basis: 'x' }, bureau)).toBe(expected);
  });
});
