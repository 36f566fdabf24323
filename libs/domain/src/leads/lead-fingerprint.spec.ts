import { describe, expect, it } from '@jest/globals';
import { leadFingerprint, normaliseText, normaliseUrl, subjectKey, withinDuplicateWindow } from './lead-fingerprint.js';

describe(normaliseUrl.name, () => {
  it.each([
    ['https://www.Shop.example.com/item/123?spm=a1#top', 'shop.example.com/item/123'],
    ['http://m.shop.example.com/item/123/', 'shop.example.com/item/123'],
    ['shop.example.com/item/123', 'shop.example.com/item/123'],
    ['', ''],
  ])('%s → %s', (url, expected) => expect(normaliseUrl(url)).toBe(expected));
});

describe(normaliseText.name, () => {
  it.each([
    ['【假冒】 Nike 运动鞋！', '假冒nike运动鞋'],
    ['ＮＩＫＥ运动鞋', 'nike运动鞋'],
  ])('%s → %s', (text, expected) => expect(normaliseText(text)).toBe(expected));
});

describe(subjectKey.name, () => {
  it.each([
    [{ uscc: ' 91320902mA1xyz0001 ', name: 'X' }, 'uscc:91320902MA1XYZ0001'],
    [{ name: '盐城 某某商贸', platform: '淘宝' }, 'name:盐城某某商贸|淘宝'],
  ])('%j → %s', (subject, expected) => expect(subjectKey(subject)).toBe(expected));
});

describe(leadFingerprint.name, () => {
  it('is the same for the same page and behaviour however written', () => {
    const a = leadFingerprint({ storeUrl: 'https://www.shop.example.com/i/1?from=x' }, '销售假冒 Nike 运动鞋');
    const b = leadFingerprint({ storeUrl: 'shop.example.com/i/1/' }, '销售假冒nike运动鞋。');
    expect(a).toBe(b);
    expect(leadFingerprint({ storeUrl: 'shop.example.com/i/2' }, '销售假冒nike运动鞋')).not.toBe(a);
  });
});

describe(withinDuplicateWindow.name, () => {
  it.each([
    ['2026-03-01T10:00:00+08:00', '2026-03-31T10:00:00+08:00', true],
    ['2026-03-01T10:00:00+08:00', '2026-04-01T10:00:00+08:00', false],
    ['2026-04-01T10:00:00+08:00', '2026-03-02T10:00:00+08:00', true],
  ])('%s vs %s → %s', (a, b, expected) => expect(withinDuplicateWindow(a, b)).toBe(expected));
});
