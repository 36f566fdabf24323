import { describe, expect, it } from '@jest/globals';
import { CREDIT_RULE_SET, emptyGradingRecord, gradeAt, nextGradeChange, windowEnd, type GradingRecord } from '#libs/domain';

function record(parts: Partial<GradingRecord>): GradingRecord {
  return { ...emptyGradingRecord(), ...parts };
}

const heavy = (id: string, decidedDate: string, extra = {}) => ({ id, decidedDate, light: false, publicationEnd: `${Number(decidedDate.slice(0, 4)) + 3}${decidedDate.slice(4)}`, ...extra });
const AS_OF = '2026-06-30';

describe(gradeAt.name, () => {
  it.each<[string, GradingRecord, string, number, string[]]>([
    ['clean record', record({}), 'A', 0, []],
    ['one light penalty in publication', record({ penalties: [{ id: 'p1', decidedDate: '2026-05-01', light: true, publicationEnd: '2026-08-01' }] }), 'B', 10, ['LIGHT_PENALTY']],
    ['light penalty whose publication ended', record({ penalties: [{ id: 'p1', decidedDate: '2026-01-01', light: true, publicationEnd: '2026-04-01' }] }), 'A', 0, []],
    ['one heavy penalty', record({ penalties: [heavy('p1', '2025-03-01')] }), 'C', 30, ['HEAVY_PENALTY']],
    ['two heavy penalties', record({ penalties: [heavy('p1', '2025-03-01'), heavy('p2', '2026-02-01')] }), 'D', 60, ['HEAVY_PENALTY', 'HEAVY_PENALTY']],
    ['heavy penalty repaired before asOf', record({ penalties: [heavy('p1', '2025-03-01', { repairedDate: '2026-01-10' })] }), 'A', 0, []],
    ['heavy penalty voided (decision revoked) before asOf', record({ penalties: [heavy('p1', '2025-03-01', { voidedDate: '2026-06-30' })] }), 'A', 0, []],
    ['heavy penalty voided after asOf still counts on asOf', record({ penalties: [heavy('p1', '2025-03-01', { voidedDate: '2026-07-01' })] }), 'C', 30, ['HEAVY_PENALTY']],
    ['abnormal operation list', record({ listEntries: [{ id: 'l1', list: 'abnormal_operation', category: 'other', enteredDate: '2026-03-01' }] }), 'C', 25, ['ABNORMAL_OPERATION']],
    ['removed from the abnormal list', record({ listEntries: [{ id: 'l1', list: 'abnormal_operation', category: 'other', enteredDate: '2026-03-01', removedDate: '2026-06-30' }] }), 'A', 0, []],
    ['serious dishonesty means D', record({ listEntries: [{ id: 'l1', list: 'serious_dishonesty', category: 'other', enteredDate: '2026-03-01' }], positives: [{ id: 'x', date: '2026-01-01' }] }), 'D', 45, ['SERIOUS_DISHONESTY', 'POSITIVE_RECORD']],
    ['soft measures capped at 15', record({ softMeasures: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((date, i) => ({ id: `s${i}`, date })) }), 'B', 15, ['SOFT_MEASURE', 'SOFT_MEASURE', 'SOFT_MEASURE', 'SOFT_MEASURE']],
    ['soft measure older than 12 months', record({ softMeasures: [{ id: 's', date: '2025-06-30' }] }), 'A', 0, []],
    ['complaints and unsettled mediation', record({ complaints: [{ id: 'c1', receivedDate: '2026-02-01', unsettledDate: '2026-04-01' }, { id: 'c2', receivedDate: '2026-03-01' }] }), 'B', 7, ['COMPLAINT_VOLUME', 'COMPLAINT_VOLUME', 'COMPLAINT_UNSETTLED']],
    ['a commitment offsets a soft measure, once', record({ softMeasures: [{ id: 's', date: '2026-05-01' }], commitments: [{ id: 'k', date: '2026-05-02' }, { id: 'k2', date: '2026-05-03' }] }), 'A', 0, ['SOFT_MEASURE', 'CREDIT_COMMITMENT', 'CREDIT_COMMITMENT']],
    ['positive records capped at -10', record({ positives: ['2024-01-01', '2025-01-01', '2026-01-01'].map((date, i) => ({ id: `g${i}`, date })) }), 'A', -10, ['POSITIVE_RECORD', 'POSITIVE_RECORD', 'POSITIVE_RECORD']],
  ])('%s', (_label, input, grade, score, codes) => {
    const sut = gradeAt(input, AS_OF);
    expect(sut.grade).toBe(grade);
    expect(sut.score).toBe(score);
    expect(sut.factors.map((f) => f.code)).toEqual(codes);
    expect(sut.ruleVersion).toBe(CREDIT_RULE_SET.version);
  });

  it('recomputes a past date from the same record', () => {
    const input = record({ penalties: [heavy('p1', '2026-03-01')] });
    expect(gradeAt(input, '2026-02-28').grade).toBe('A');
    expect(gradeAt(input, '2026-03-01').grade).toBe('C');
    expect(gradeAt(input, '2029-03-01').grade).toBe('A');
  });

  it('names the record item behind each factor', () => {
    const sut = gradeAt(record({ penalties: [heavy('case-penalty-1', '2026-03-01')] }), AS_OF);
    expect(sut.factors).toEqual([{ code: 'HEAVY_PENALTY', label: '公示期内的行政处罚', points: 30, source: 'case-penalty-1' }]);
  });
});

describe(windowEnd.name, () => {
  it.each([
    ['2026-05-10', 12, '2027-05-10'],
    ['2024-02-29', 12, '2025-03-01'], // still counts on the clamped 2025-02-28
    ['2024-02-29', 36, '2027-03-01'],
    ['2026-08-31', 12, '2027-08-31'],
  ])('an item of %s in a %d-month window stops counting on %s', (date, months, end) => {
    expect(windowEnd(date, months)).toBe(end);
  });

  it('agrees with gradeAt on the clamped day', () => {
    const input = record({ commitments: [{ id: 'k', date: '2024-02-29' }] });
    expect(gradeAt(input, '2025-02-28').factors.map((f) => f.code)).toEqual(['CREDIT_COMMITMENT']);
    expect(gradeAt(input, '2025-03-01').factors).toEqual([]);
  });
});

describe(nextGradeChange.name, () => {
  const light = { id: 'p1', decidedDate: '2026-11-20', light: true, publicationEnd: '2027-02-20' };
  const softMeasures = ['2026-11-01', '2026-11-02', '2026-11-03'].map((date, i) => ({ id: `s${i}`, date }));

  it.each<[string, GradingRecord, string, string | null]>([
    ['clean record', record({}), '2026-11-27', null],
    ['a light penalty ends its publication first', record({ penalties: [light], softMeasures }), '2026-11-27', '2027-02-20'],
    ['then the soft measures leave the 12-month window', record({ penalties: [light], softMeasures }), '2027-02-20', '2027-11-01'],
    ['a repair date ahead of asOf', record({ penalties: [heavy('p', '2025-01-01', { repairedDate: '2026-12-01' })] }), '2026-11-27', '2026-12-01'],
    ['a void date ahead of asOf', record({ penalties: [heavy('p', '2025-01-01', { voidedDate: '2026-12-02' })] }), '2026-11-27', '2026-12-02'],
    ['an open list entry never ends by itself', record({ listEntries: [{ id: 'l', list: 'abnormal_operation', category: 'other', enteredDate: '2026-03-01' }] }), '2026-11-27', null],
    ['an unsettled mediation ends later than its complaint', record({ complaints: [{ id: 'c', receivedDate: '2026-01-10', unsettledDate: '2026-03-05' }] }), '2027-01-10', '2027-03-05'],
    ['positive records count 36 months', record({ positives: [{ id: 'g', date: '2025-06-30' }] }), '2026-11-27', '2028-06-30'],
    ['everything already over', record({ penalties: [light] }), '2027-02-20', null],
  ])('%s', (_label, input, asOf, expected) => {
    expect(nextGradeChange(input, asOf)).toBe(expected);
  });

  it('the grade holds until that date and changes on it (worked example: C by a light penalty → B)', () => {
    const input = record({ penalties: [light], softMeasures });
    expect(gradeAt(input, '2026-11-27')).toMatchObject({ grade: 'C', score: 25 });
    expect(gradeAt(input, '2027-02-19')).toMatchObject({ grade: 'C', score: 25 });
    expect(gradeAt(input, '2027-02-20')).toMatchObject({ grade: 'B', score: 15 });
  });
});
