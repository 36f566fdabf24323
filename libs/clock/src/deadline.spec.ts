import { describe, expect, it } from '@jest/globals';
import { addPeriod, computeDeadline } from './deadline.js';
import type { DeadlineInput, Extension, Pause, PeriodUnit } from './deadline.types.js';
import { WorkCalendar } from './work-calendar.js';

const calendar = WorkCalendar.chineseDays();
const WD = (length: number) => ({ length, unit: 'working' as const });
const DAYS = (length: number) => ({ length, unit: 'calendar' as const });
const standard = (length: number, unit?: PeriodUnit): Extension => ({
  length,
  ...(unit ? { unit } : {}),
  reason: '案情复杂',
  approvedBy: 'supervisor-1',
  approvedAt: '2026-10-20T10:00:00+08:00',
});
const pause = (start: string, end?: string): Pause => ({
  start,
  ...(end ? { end } : {}),
  reason: 'testing',
  recordedBy: 'officer-1',
});

describe(computeDeadline.name, () => {
  const sut = (input: Omit<DeadlineInput, 'calendar'>, cal = calendar) => computeDeadline({ ...input, calendar: cal });

  describe('worked examples of domain.md §2', () => {
    it.each<[string, Omit<DeadlineInput, 'calendar'>, string]>([
      ['received Mon 2026-09-28, 15 WD over National Day', { start: '2026-09-28', period: WD(15) }, '2026-10-23'],
      ['received Fri 2026-11-27, 15 WD', { start: '2026-11-27', period: WD(15) }, '2026-12-18'],
      ['complaint received 2026-02-10, 7 WD over Spring Festival', { start: '2026-02-10', period: WD(7) }, '2026-02-26'],
      ['complaint accepted 2026-04-30, 45 WD', { start: '2026-04-30', period: WD(45) }, '2026-07-07'],
      [
        'received 2026-11-02, paused 2026-11-05…11-11, 15 WD',
        { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05', '2026-11-11')] },
        '2026-11-30',
      ],
      ['filed 2026-07-03, 90 days → 10-01 holiday → moved', { start: '2026-07-03', period: DAYS(90) }, '2026-10-08'],
    ])('%s → %s', (_case, input, expected) => {
      const result = sut(input);
      expect(result.dueDate).toBe(expected);
      expect(result.provisional).toBe(false);
      expect(result.paused).toBe(false);
    });
  });

  describe('extensions lengthen the period; only the final day moves', () => {
    it.each<[string, Omit<DeadlineInput, 'calendar'>, string]>([
      ['15 WD + 15 WD = 30 WD after receipt', { start: '2026-09-28', period: WD(15), extensions: [standard(15)] }, '2026-11-13'],
      // 07-03 + 120 = 10-31 (Sat) → 11-02; not 10-08 + 30 = 11-07 (Sat) → 11-09.
      ['90 d + 30 d = 120 d after filing', { start: '2026-07-03', period: DAYS(90), extensions: [standard(30)] }, '2026-11-02'],
      [
        'collective decision sets an explicit date',
        {
          start: '2026-07-03',
          period: DAYS(90),
          extensions: [standard(30), { kind: 'collective', newDueDate: '2026-12-31', reason: '案情特别复杂', approvedBy: '局务会' }],
        },
        '2026-12-31',
      ],
    ])('%s → %s', (_case, input, expected) => {
      expect(sut(input).dueDate).toBe(expected);
    });
  });

  describe('pauses exclude whole local dates', () => {
    it.each<[string, Omit<DeadlineInput, 'calendar'>, string]>([
      ['same-day pause excludes that one working day', { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05', '2026-11-05')] }, '2026-11-24'],
      [
        'same-day pause given as Shanghai timestamps (UTC date is the day before)',
        {
          start: '2026-11-02T09:00:00+08:00',
          period: WD(15),
          pauses: [pause('2026-11-04T17:30:00Z', '2026-11-05T08:00:00Z')],
        },
        '2026-11-24',
      ],
      ['pause on weekend days only changes nothing', { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-07', '2026-11-08')] }, '2026-11-23'],
      ['pause on the start date changes nothing', { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-02', '2026-11-02')] }, '2026-11-23'],
      ['pause after the due date changes nothing', { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-24', '2026-11-30')] }, '2026-11-23'],
      [
        'overlapping pauses exclude each date once',
        { start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05', '2026-11-09'), pause('2026-11-09', '2026-11-11')] },
        '2026-11-30',
      ],
      // 90 + 14 paused days = 104 days after 07-03 = 10-15 (Thu).
      ['calendar clock adds the paused days back', { start: '2026-07-03', period: DAYS(90), pauses: [pause('2026-08-03', '2026-08-16')] }, '2026-10-15'],
      // 90 + 10 = 10-11 (Sun) → 10-12.
      ['calendar clock, added back then moved off a weekend', { start: '2026-07-03', period: DAYS(90), pauses: [pause('2026-08-01', '2026-08-10')] }, '2026-10-12'],
      [
        // 10-10 is an adjusted working Saturday.
        'calendar clock, pause covering the moved-to day moves it again',
        { start: '2026-07-03', period: DAYS(90), pauses: [pause('2026-10-08', '2026-10-09')] },
        '2026-10-10',
      ],
    ])('%s → %s', (_case, input, expected) => {
      expect(sut(input).dueDate).toBe(expected);
    });

    it('an open pause runs to today and says so', () => {
      const result = sut({ start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05')], today: '2026-11-11' });
      expect(result).toMatchObject({ dueDate: '2026-11-30', paused: true });
      expect(result.explanation.segments).toContainEqual(expect.objectContaining({ kind: 'pause', open: true, to: '2026-11-11' }));
      const later = sut({ start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05')], today: '2026-11-13T10:00:00+08:00' });
      expect(later.dueDate).toBe('2026-12-02');
    });

    it('an open pause needs today', () => {
      expect(() => sut({ start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05')] })).toThrow(
        expect.objectContaining({ code: 'TODAY_REQUIRED' }),
      );
    });
  });

  describe('unknown years', () => {
    it('is provisional when the count reaches 2027 (weekends only)', () => {
      expect(sut({ start: '2026-12-20', period: WD(15) })).toMatchObject({ dueDate: '2027-01-08', provisional: true });
    });

    it('is exact once an admin enters 2027', () => {
      const with2027 = calendar.withOverrides([
        { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] },
      ]);
      expect(sut({ start: '2026-12-20', period: WD(15) }, with2027)).toMatchObject({ dueDate: '2027-01-11', provisional: false });
    });

    it('is provisional when a collective date lies in an unknown year', () => {
      const result = sut({
        start: '2026-07-03',
        period: DAYS(90),
        extensions: [{ kind: 'collective', newDueDate: '2027-01-15', reason: '案情特别复杂', approvedBy: '局务会' }],
      });
      expect(result).toMatchObject({ dueDate: '2027-01-15', provisional: true });
    });
  });

  describe('explanation', () => {
    it('lists counted runs and skipped weekends and holidays with names', () => {
      const { explanation } = sut({ start: '2026-09-28', period: WD(15) });
      expect(explanation.segments).toEqual([
        { kind: 'start', date: '2026-09-28' },
        { kind: 'counted', from: '2026-09-29', to: '2026-09-30', count: 2, unit: 'working', runningTotal: 2 },
        { kind: 'skipped', from: '2026-10-01', to: '2026-10-07', days: 7, reason: 'holiday', name: '国庆节' },
        { kind: 'counted', from: '2026-10-08', to: '2026-10-10', count: 3, unit: 'working', runningTotal: 5 },
        { kind: 'skipped', from: '2026-10-11', to: '2026-10-11', days: 1, reason: 'weekend' },
        { kind: 'counted', from: '2026-10-12', to: '2026-10-16', count: 5, unit: 'working', runningTotal: 10 },
        { kind: 'skipped', from: '2026-10-17', to: '2026-10-18', days: 2, reason: 'weekend' },
        { kind: 'counted', from: '2026-10-19', to: '2026-10-23', count: 5, unit: 'working', runningTotal: 15 },
      ]);
      expect(explanation).toMatchObject({ start: '2026-09-28', period: WD(15), totalLength: { working: 15 }, ruleSet: null, ruleUnconfirmed: false });
      expect(explanation.summary).toContain('国庆节7日');
      expect(explanation.summary).toContain('期限至 2026-10-23');
    });

    it('shows the pause with its reason and the working days it kept out', () => {
      const { explanation } = sut({ start: '2026-11-02', period: WD(15), pauses: [pause('2026-11-05', '2026-11-11')] });
      expect(explanation.segments.slice(0, 3)).toEqual([
        { kind: 'start', date: '2026-11-02' },
        { kind: 'counted', from: '2026-11-03', to: '2026-11-04', count: 2, unit: 'working', runningTotal: 2 },
        {
          kind: 'pause',
          from: '2026-11-05',
          to: '2026-11-11',
          days: 7,
          notCounted: 5,
          unit: 'working',
          reason: 'testing',
          recordedBy: 'officer-1',
          open: false,
        },
      ]);
      expect(explanation.summary).toContain('因检测中止');
    });

    it('shows the extension with its approver between the two counts', () => {
      const { explanation } = sut({ start: '2026-09-28', period: WD(15), extensions: [standard(15)] });
      const i = explanation.segments.findIndex((s) => s.kind === 'extension');
      expect(explanation.segments[i - 1]).toMatchObject({ kind: 'counted', to: '2026-10-23', runningTotal: 15 });
      expect(explanation.segments[i]).toEqual({
        kind: 'extension',
        after: '2026-10-23',
        length: 15,
        unit: 'working',
        reason: '案情复杂',
        approvedBy: 'supervisor-1',
        approvedAt: '2026-10-20',
      });
      expect(explanation.segments.at(-1)).toMatchObject({ kind: 'counted', to: '2026-11-13', runningTotal: 30 });
      expect(explanation.totalLength).toEqual({ working: 30 });
    });

    it('shows the final-day move of a calendar clock', () => {
      const { explanation } = sut({ start: '2026-07-03', period: DAYS(90) });
      expect(explanation.segments).toEqual([
        { kind: 'start', date: '2026-07-03' },
        { kind: 'counted', from: '2026-07-04', to: '2026-10-01', count: 90, unit: 'calendar', runningTotal: 90 },
        {
          kind: 'final_day_moved',
          from: '2026-10-01',
          to: '2026-10-08',
          over: [{ from: '2026-10-01', to: '2026-10-07', days: 7, reason: 'holiday', name: '国庆节' }],
        },
      ]);
    });

    it('moves only the final day when extended: the 90th day stays on the holiday', () => {
      const { explanation } = sut({ start: '2026-07-03', period: DAYS(90), extensions: [standard(30)] });
      expect(explanation.segments.filter((s) => s.kind === 'final_day_moved')).toEqual([
        {
          kind: 'final_day_moved',
          from: '2026-10-31',
          to: '2026-11-02',
          over: [{ from: '2026-10-31', to: '2026-11-01', days: 2, reason: 'weekend' }],
        },
      ]);
      expect(explanation.segments).toContainEqual(expect.objectContaining({ kind: 'extension', after: '2026-10-01' }));
    });

    it('records the collective decision and the date it replaced', () => {
      const { explanation } = sut({
        start: '2026-07-03',
        period: DAYS(90),
        extensions: [standard(30), { kind: 'collective', newDueDate: '2026-12-31', reason: '案情特别复杂', approvedBy: '局务会' }],
      });
      expect(explanation.segments.at(-1)).toEqual({
        kind: 'collective_extension',
        replaces: '2026-11-02',
        newDueDate: '2026-12-31',
        reason: '案情特别复杂',
        approvedBy: '局务会',
      });
    });

    it('carries the rule set and whether it is unconfirmed', () => {
      const result = sut({ start: '2026-04-30', period: WD(45), ruleSet: { id: 'complaint-order-121', version: 1, unconfirmed: true } });
      expect(result.ruleUnconfirmed).toBe(true);
      expect(result.explanation.ruleSet).toEqual({ id: 'complaint-order-121', version: 1, unconfirmed: true });
      expect(result.explanation.summary).toContain('适用规则待确认');
    });
  });

  describe('bad input', () => {
    it.each<[string, Omit<DeadlineInput, 'calendar'>, string, string]>([
      ['zero length', { start: '2026-11-02', period: WD(0) }, 'INVALID_PERIOD', 'period.length'],
      ['fractional length', { start: '2026-11-02', period: WD(1.5) }, 'INVALID_PERIOD', 'period.length'],
      ['unknown unit', { start: '2026-11-02', period: { length: 5, unit: 'hours' as PeriodUnit } }, 'INVALID_PERIOD', 'period.unit'],
      ['invalid start', { start: '2026-02-30', period: WD(5) }, 'INVALID_DATE', 'start'],
      ['pause ending before it starts', { start: '2026-11-02', period: WD(5), pauses: [pause('2026-11-05', '2026-11-04')] }, 'INVALID_PAUSE', 'pauses[0].end'],
      ['pause without reason', { start: '2026-11-02', period: WD(5), pauses: [{ start: '2026-11-05', end: '2026-11-06', reason: ' ' }] }, 'INVALID_PAUSE', 'pauses[0].reason'],
      ['extension without approver', { start: '2026-11-02', period: WD(5), extensions: [{ length: 5, reason: 'x', approvedBy: '' }] }, 'INVALID_EXTENSION', 'extensions[0].approvedBy'],
      [
        'collective date not after the start',
        { start: '2026-11-02', period: WD(5), extensions: [{ kind: 'collective', newDueDate: '2026-11-02', reason: 'x', approvedBy: 'y' }] },
        'INVALID_EXTENSION',
        'extensions[0].newDueDate',
      ],
    ])('%s → %s', (_case, input, code, field) => {
      expect(() => sut(input)).toThrow(expect.objectContaining({ code, details: [expect.objectContaining({ field })] }));
    });
  });
});

describe(addPeriod.name, () => {
  it.each<[string, number, PeriodUnit, { dueDate: string; provisional: boolean }]>([
    ['2026-09-28', 15, 'working', { dueDate: '2026-10-23', provisional: false }],
    ['2026-07-03', 90, 'calendar', { dueDate: '2026-10-08', provisional: false }],
    ['2026-02-13', 1, 'working', { dueDate: '2026-02-14', provisional: false }],
    ['2026-12-31', 1, 'working', { dueDate: '2027-01-01', provisional: true }],
    ['2026-12-31', 1, 'calendar', { dueDate: '2027-01-01', provisional: true }],
  ])('%s + %i %s → %o', (from, days, kind, expected) => {
    const sut = addPeriod;
    expect(sut(calendar, from, days, kind)).toEqual(expected);
  });

  it.each([
    ['2026-13-01', 1, 'working', 'from'],
    ['2026-10-01', 0, 'working', 'days'],
    ['2026-10-01', 1, 'weeks', 'kind'],
  ])('rejects from=%s days=%i kind=%s on %s', (from, days, kind, field) => {
    expect(() => addPeriod(calendar, from, days, kind as PeriodUnit)).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field })] }),
    );
  });
});
