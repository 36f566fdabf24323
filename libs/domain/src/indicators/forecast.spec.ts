import { describe, expect, it } from '@jest/globals';
import { forecastIndicator, indicatorDefinition, type OpenItem } from '#libs/domain';

const settings = { threshold: 95, comparator: '>' as const, minimumSample: 1, nationalRate: null };
const open = (n: number): OpenItem[] => Array.from({ length: n }, (_, i) => ({ itemKey: `L${i}`, recordId: `L${i}`, dueDate: `2026-03-${String(30 - i).padStart(2, '0')}` }));

describe(forecastIndicator.name, () => {
  it.each([
    // onTime, late, open, pace, outlook, mustBeOnTime, projected value
    [40, 0, 10, 1, 'at_risk', 8, 100],
    [95, 4, 10, 1, 'at_risk', 9, 96.33],
    [90, 10, 5, 1, 'lost', null, 90.48],
    [96, 0, 4, 0.5, 'safe', 0, 98],
  ])('%i on time, %i late, %i open at pace %d → %s', (onTime, late, openCount, pace, outlook, must, projected) => {
    const sut = forecastIndicator(indicatorDefinition('17.1'), settings, { counts: { onTime, late, missing: 0 }, open: open(openCount), recentOnTimeRate: pace });
    expect([sut.outlook, sut.mustBeOnTime, sut.projected.value]).toEqual([outlook, must, projected]);
  });

  it('names the open items due soonest as the deciding ones', () => {
    // All 10 open on time: 105/109 = 96.33 %; one of them late: 104/109 = 95.41 % still > 95 %; two: 103/109 = 94.5 %.
    const sut = forecastIndicator(indicatorDefinition('17.1'), settings, { counts: { onTime: 95, late: 4, missing: 0 }, open: open(10), recentOnTimeRate: 1 });
    expect(sut.decidingItems.map((i) => i.dueDate)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(105 - 1).toBeGreaterThan(0.95 * 109);
    expect(105 - 2).toBeLessThan(0.95 * 109);
  });
});
