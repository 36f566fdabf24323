import { describe, expect, it } from '@jest/globals';
import { resolvePeriod, ValidationError } from '#libs/domain';

describe(resolvePeriod.name, () => {
  it.each([
    [{}, '2026-05-17', '2026-01-01', '2026-12-31'],
    [{ period: 'month' }, '2026-02-10', '2026-02-01', '2026-02-28'],
    [{ period: 'quarter' }, '2026-05-17', '2026-04-01', '2026-06-30'],
    [{ period: 'year' }, '2026-05-17', '2026-01-01', '2026-12-31'],
    [{ period: '2025-Q4' }, '2026-05-17', '2025-10-01', '2025-12-31'],
    [{ period: '2024-02' }, '2026-05-17', '2024-02-01', '2024-02-29'],
    [{ period: '2025' }, '2026-05-17', '2025-01-01', '2025-12-31'],
    [{ period: 'month' }, '2026-12-31', '2026-12-01', '2026-12-31'],
    [{ from: '2026-03-05', to: '2026-03-09' }, '2026-05-17', '2026-03-05', '2026-03-09'],
  ])('%j on %s → %s … %s', (query, today, from, to) => {
    const sut = resolvePeriod(query, today);
    expect([sut.from, sut.to]).toEqual([from, to]);
  });

  it.each([[{ from: '2026-03-05' }], [{ from: '2026-03-05', to: '2026-03-01' }], [{ period: 'week' }], [{ from: '2000-01-01', to: '2026-01-01' }]])(
    'rejects %j with a 400',
    (query) => {
      expect(() => resolvePeriod(query, '2026-05-17')).toThrow(ValidationError);
    },
  );
});
