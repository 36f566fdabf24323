import { describe, expect, it } from '@jest/globals';
import { parseImportRow, type RawImportRow } from './lead-import-row.js';

const NOW = '2026-11-27T10:00:00+08:00';
const good: RawImportRow = {
  platformItemId: 'JC-2026-0001',
  title: '销售假冒运动鞋',
  subjectUscc: '91320902MA1XYZ0001',
  subjectName: '盐城某某商贸有限公司',
  platform: '某电商平台',
  storeUrl: 'https://shop.example.com/1',
  receivedAt: '2026-11-20',
  platformDueDate: '2026-12-04',
};

describe(parseImportRow.name, () => {
  it('accepts a complete row, a bare date meaning the start of that day in Shanghai', () => {
    const sut = parseImportRow({ ...good, subjectUscc: '' }, 2, NOW);
    expect(sut.problems).toEqual([]);
    expect(sut.item).toMatchObject({ row: 2, platformItemId: 'JC-2026-0001', receivedAt: '2026-11-19T16:00:00.000Z', platformDueDate: '2026-12-04' });
  });

  it.each([
    ['2026-11-20 08:00', '2026-11-20T00:00:00.000Z', '2026-11-20', true],
    ['2026-11-20T23:30:00Z', '2026-11-20T23:30:00.000Z', '2026-11-20', false],
    ['2026-11-20T23:30:00Z', '2026-11-20T23:30:00.000Z', '2026-11-21', true],
  ])('reads receipt %p as %p, its Shanghai date bounding the platform deadline %p (accepted: %p)', (receivedAt, iso, platformDueDate, accepted) => {
    const sut = parseImportRow({ ...good, subjectUscc: '', receivedAt, platformDueDate }, 3, NOW);
    if (accepted) expect(sut.item).toMatchObject({ receivedAt: iso, platformDueDate });
    else expect(sut.problems).toEqual([expect.objectContaining({ field: 'platformDueDate', code: 'beforeReceipt' })]);
  });

  it.each<[string, RawImportRow, string, string]>([
    ['missing item id', { ...good, subjectUscc: '', platformItemId: ' ' }, 'platformItemId', 'isNotEmpty'],
    ['wrong USCC check character', { ...good, subjectUscc: '91320902MA1XYZ0002' }, 'subjectUscc', 'isUscc'],
    ['no subject at all', { ...good, subjectUscc: '', subjectName: '', storeUrl: '' }, 'subjectName', 'subjectRequired'],
    ['receipt in the future', { ...good, subjectUscc: '', receivedAt: '2026-11-28' }, 'receivedAt', 'notInFuture'],
    ['receipt not a date', { ...good, subjectUscc: '', receivedAt: '2026-02-30' }, 'receivedAt', 'isISO8601'],
    ['platform deadline not a date', { ...good, subjectUscc: '', platformDueDate: '04/12/2026' }, 'platformDueDate', 'isLocalDate'],
    ['platform deadline before receipt', { ...good, subjectUscc: '', platformDueDate: '2026-11-01' }, 'platformDueDate', 'beforeReceipt'],
  ])('rejects %s', (_label, raw, field, code) => {
    const sut = parseImportRow(raw, 7, NOW);
    expect(sut.item).toBeUndefined();
    expect(sut.problems).toContainEqual(expect.objectContaining({ row: 7, field, code }));
  });
});
