import { describe, expect, it } from '@jest/globals';
import { factsFromCase, factsFromComplaint, factsFromLead, type LeadRecord } from '#libs/domain';

const lead = (f: Partial<LeadRecord>): LeadRecord => ({
  id: 'L1',
  bureau: '320902',
  channel: 'report',
  online: true,
  assignee: 'wang',
  receivedDate: '2026-09-28',
  dueDate: '2026-10-23',
  ...f,
});
const pick = (facts: { indicator: string; periodDate: string; altPeriodDate: string | null; dueDate: string | null; doneDate: string | null; favourable: boolean | null }[]) =>
  facts.map((f) => [f.indicator, f.periodDate, f.altPeriodDate, f.dueDate, f.doneDate, f.favourable]);

describe(factsFromLead.name, () => {
  it.each([
    // Decided at 23:30 Beijing time on 10-23 (15:30Z): still the due date locally.
    ['report', { decidedAt: '2026-10-23T15:30:00Z' }, [['17.1', '2026-10-23', '2026-10-23', '2026-10-23', '2026-10-23', null]]],
    ['report decided after midnight local', { decidedAt: '2026-10-23T16:30:00Z' }, [['17.1', '2026-10-23', '2026-10-24', '2026-10-23', '2026-10-24', null]]],
    [
      'assigned',
      { channel: 'assigned', decidedAt: '2026-10-20T02:00:00Z', reportedBackAt: '2026-10-22T02:00:00Z' },
      [
        ['17.2a', '2026-10-23', null, '2026-10-23', '2026-10-22', null],
        ['17.2b', '2026-09-28', null, '2026-10-23', '2026-10-22', null],
      ],
    ],
    [
      'platform monitoring, open',
      { channel: 'platform_monitoring' },
      [
        ['19.1', '2026-10-23', null, '2026-10-23', null, null],
        ['19.2', '2026-09-28', null, '2026-10-23', null, null],
      ],
    ],
    ['inspection: no indicator', { channel: 'inspection' }, []],
    ['offline report: not counted', { online: false }, []],
  ])('%s', (_, f, expected) => {
    expect(pick(factsFromLead(lead(f)))).toEqual(expected);
  });
});

describe(factsFromComplaint.name, () => {
  it('derives acceptance, closure, mediation, satisfaction and ODR facts', () => {
    const sut = factsFromComplaint({
      id: 'C1',
      bureau: '320902',
      online: true,
      channel: '12315',
      handler: 'li',
      receivedDate: '2026-02-10',
      acceptanceDueDate: '2026-02-26',
      acceptanceDecidedAt: '2026-02-12T01:00:00Z',
      accepted: true,
      mediationDueDate: '2026-04-20',
      mediationEndedAt: '2026-03-02T01:00:00Z',
      mediationResult: 'settled',
      closedAt: '2026-03-03T01:00:00Z',
      satisfaction: 'neutral',
      odr: { dueDate: '2026-03-01', closedAt: '2026-03-05T01:00:00Z', result: 'failed' },
    });
    expect(pick(sut)).toEqual([
      ['25.1', '2026-02-26', null, '2026-02-26', '2026-02-12', null],
      ['25.2', '2026-04-20', null, '2026-04-20', '2026-03-03', null],
      ['25.3', '2026-03-02', null, null, '2026-03-02', true],
      ['25.4', '2026-03-03', null, null, '2026-03-03', false],
      ['26a', '2026-03-01', null, '2026-03-01', '2026-03-05', null],
      ['26b', '2026-03-05', null, null, '2026-03-05', false],
    ]);
  });

  it('a rejected complaint counts only for the initial check', () => {
    const sut = factsFromComplaint({ id: 'C2', bureau: '320902', online: true, channel: 'web', handler: 'li', receivedDate: '2026-02-10', acceptanceDueDate: '2026-02-26', acceptanceDecidedAt: '2026-02-11T01:00:00Z', accepted: false });
    expect(sut.map((f) => f.indicator)).toEqual(['25.1']);
  });
});

describe(factsFromCase.name, () => {
  it.each([
    ['reconsideration upheld', 'reconsideration', 'upheld', false, [['18.1a', true], ['18.2', true]]],
    ['reconsideration revoked on substance', 'reconsideration', 'revoked', false, [['18.1a', false], ['18.2', true]]],
    ['reconsideration revoked for procedure', 'reconsideration', 'revoked', true, [['18.1a', false], ['18.2', false]]],
    ['litigation won', 'litigation', 'won', false, [['18.1b', true], ['18.2', true]]],
    ['litigation lost for procedure', 'litigation', 'lost', true, [['18.1b', false], ['18.2', false]]],
  ] as const)('%s', (_, kind, outcome, procedural, expected) => {
    const sut = factsFromCase({ id: 'K1', bureau: '320902', online: true, assignee: 'zhao', reviews: [{ kind, outcome, procedural, concludedAt: '2026-06-01T02:00:00Z' }] });
    expect(sut.map((f) => [f.indicator, f.favourable])).toEqual(expected);
    expect(sut.every((f) => f.itemKey === 'K1#1' && f.periodDate === '2026-06-01')).toBe(true);
  });
});

describe('ODR-routed complaints', () => {
  it('count in 26, not in the bureau acceptance rate 25.1, when routed before acceptance', () => {
    const facts = factsFromComplaint({
      id: 'c-odr',
      bureau: '320902',
      online: true,
      channel: 'odr',
      handler: 'handler_320902',
      receivedDate: '2026-03-02',
      acceptanceDueDate: '2026-03-11',
      odr: { dueDate: '2026-03-11', closedAt: '2026-03-05T10:00:00+08:00', result: 'settled' },
    } as Parameters<typeof factsFromComplaint>[0]);
    expect(facts.map((f) => f.indicator).sort()).toEqual(['26a', '26b']);
  });
});
