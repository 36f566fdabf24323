import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CaseReviewConcludedPayload, CreditGradedPayload } from '#libs/contracts';
import { caseDecided, eventually, startCreditHarness, usccIn, type CreditHarness } from './credit-harness.js';

const NOW = '2026-11-27T02:00:00Z';
const BUREAU = '320902';

jest.setTimeout(60_000);

interface RecordItem {
  id: string;
  kind: string;
  sourceKey: string;
  voided?: { date: string; reason: string };
}

describe('a revoked case decision voids its penalty record', () => {
  let h: CreditHarness;
  let officer: string;

  const creditOf = (uscc: string, asOf?: string) => h.call(officer, 'GET', `/api/v1/operators/${uscc}/credit${asOf ? `?asOf=${asOf}` : ''}`).then((r) => r.json());
  const graded = (uscc: string) =>
    h.query<{ envelope: { payload: CreditGradedPayload } }>(`SELECT envelope FROM outbox WHERE type = 'credit.graded' AND envelope->>'aggregateId' = $1 ORDER BY created_at, id`, [uscc]).then((rows) => rows.map((r) => r.envelope.payload));
  const voidEvents = (uscc: string) => h.query(`SELECT id FROM outbox WHERE type = 'credit.record_voided' AND envelope->>'aggregateId' = $1`, [uscc]);

  /** `case.review_concluded` as the cases service writes it: the snapshot after the review. */
  function reviewConcluded(caseId: string, subject: string, kind: 'reconsideration' | 'litigation', outcome: string, concludedAt: string): CaseReviewConcludedPayload {
    const { snapshot } = caseDecided({ id: caseId, bureau: BUREAU, subject, decidedAt: '2026-03-01T02:00:00Z' });
    return { snapshot: { ...snapshot, reviews: [{ kind, outcome, procedural: false, concludedAt }] }, kind, outcome, procedural: false, concludedAt };
  }

  async function penalised(uscc: string, caseId: string) {
    await h.publish('case.decided', caseDecided({ id: caseId, bureau: BUREAU, subject: uscc, decidedAt: '2026-03-01T02:00:00Z' }), BUREAU);
    return eventually(() => creditOf(uscc), (c) => c.grade === 'C');
  }

  beforeAll(async () => {
    h = await startCreditHarness(NOW);
    officer = await h.gw.tokenFor('officer', BUREAU);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  }, 60_000);

  it('voids the penalty when reconsideration revokes the decision, keeps it readable and regrades once', async () => {
    const uscc = usccIn(BUREAU, 1);
    expect(await penalised(uscc, 'case-1')).toMatchObject({ grade: 'C', score: 30 });
    const gradedBefore = await graded(uscc);

    await h.publish('case.review_concluded', reviewConcluded('case-1', uscc, 'reconsideration', 'revoked', '2026-11-20T02:00:00Z'), BUREAU);
    const after = await eventually(() => creditOf(uscc), (c) => c.grade === 'A');
    expect(after).toMatchObject({ grade: 'A', score: 0, factors: [] });
    const item = after.record.items.find((i: RecordItem) => i.sourceKey === 'case:case-1');
    expect(item).toMatchObject({ kind: 'penalty', voided: { date: '2026-11-20', reason: expect.stringContaining('行政复议决定撤销') } });
    // History: before the revocation the penalty counted.
    expect(await creditOf(uscc, '2026-11-19')).toMatchObject({ grade: 'C', factors: [expect.objectContaining({ code: 'HEAVY_PENALTY', source: item.id })] });
    const gradedAfter = await eventually(() => graded(uscc), (g) => g.length > gradedBefore.length);
    expect(gradedAfter.slice(gradedBefore.length)).toEqual([expect.objectContaining({ previousGrade: 'C', grade: 'A' })]);

    // A voided penalty has nothing left to repair.
    const repair = await h.call(officer, 'POST', `/api/v1/operators/${uscc}/credit-repairs`, { recordId: item.id, reason: '已整改' });
    expect(repair.statusCode).toBe(409);
    expect(repair.json().code).toBe('RECORD_VOIDED');

    // The same outcome delivered again voids nothing twice.
    await h.publish('case.review_concluded', reviewConcluded('case-1', uscc, 'reconsideration', 'revoked', '2026-11-21T02:00:00Z'), BUREAU);
    await h.publish('lead.received', { snapshot: { id: 'fence', bureau: BUREAU, subjectUscc: usccIn(BUREAU, 99) } }, BUREAU);
    await eventually(() => h.call(officer, 'GET', `/api/v1/operators/${usccIn(BUREAU, 99)}`), (r) => r.statusCode === 200);
    expect(await voidEvents(uscc)).toHaveLength(1);
    expect((await creditOf(uscc)).record.items.find((i: RecordItem) => i.id === item.id).voided.date).toBe('2026-11-20');
  });

  it.each([
    ['reconsideration', 'altered'],
    ['reconsideration', 'upheld'],
    ['reconsideration', 'confirmed_illegal'],
    ['litigation', 'lost'],
  ] as const)('keeps the penalty after %s %s', async (kind, outcome) => {
    const uscc = usccIn(BUREAU, 10 + ['altered', 'upheld', 'confirmed_illegal', 'lost'].indexOf(outcome));
    await penalised(uscc, `case-${outcome}`);
    await h.publish('case.review_concluded', reviewConcluded(`case-${outcome}`, uscc, kind, outcome, '2026-11-20T02:00:00Z'), BUREAU);
    // A later event for the same operator shows the review was handled before it.
    await h.publish('soft_measure.recorded', { id: `sm-${outcome}`, operatorUscc: uscc, kind: 'interview', at: '2026-11-21T02:00:00Z', note: '约谈', bureau: BUREAU, recordedBy: 'o' }, BUREAU);
    const credit = await eventually(() => creditOf(uscc), (c) => c.score === 35);
    expect(credit).toMatchObject({ grade: 'C', score: 35 });
    expect(credit.record.items.find((i: RecordItem) => i.kind === 'penalty').voided).toBeUndefined();
  });

  it('voids the penalty when the case decision itself is revoked', async () => {
    const uscc = usccIn(BUREAU, 2);
    await penalised(uscc, 'case-2');
    await h.publish('case.decided', caseDecided({ id: 'case-2', bureau: BUREAU, subject: uscc, decidedAt: '2026-11-25T02:00:00Z', result: 'revoked' }), BUREAU);
    const after = await eventually(() => creditOf(uscc), (c) => c.grade === 'A');
    expect(after.record.items).toEqual([expect.objectContaining({ sourceKey: 'case:case-2', voided: { date: '2026-11-25', reason: expect.stringContaining('撤销') } })]);
  });

  it('voids a penalty whose revoking review overtook its decision in the stream', async () => {
    const uscc = usccIn(BUREAU, 3);
    await h.publish('case.review_concluded', reviewConcluded('case-3', uscc, 'reconsideration', 'revoked', '2026-11-20T02:00:00Z'), BUREAU);
    const voided = await eventually(() => h.call(officer, 'GET', `/api/v1/operators/${uscc}/credit`), (r) => r.statusCode === 200 && r.json().record.items.length === 1);
    expect(voided.json()).toMatchObject({ grade: 'A', record: { items: [{ sourceKey: 'case:case-3', date: '2026-03-01', voided: { date: '2026-11-20' } }] } });
    // The decision arriving late changes nothing.
    await h.publish('case.decided', caseDecided({ id: 'case-3', bureau: BUREAU, subject: uscc, decidedAt: '2026-03-01T02:00:00Z' }), BUREAU);
    await h.publish('soft_measure.recorded', { id: 'sm-3', operatorUscc: uscc, kind: 'interview', at: '2026-11-21T02:00:00Z', note: '约谈', bureau: BUREAU, recordedBy: 'o' }, BUREAU);
    const after = await eventually(() => creditOf(uscc), (c) => c.score === 5);
    expect(after).toMatchObject({ grade: 'B', score: 5 });
    expect(after.record.items.filter((i: RecordItem) => i.kind === 'penalty')).toEqual([expect.objectContaining({ voided: expect.objectContaining({ date: '2026-11-20' }) })]);
    expect(await voidEvents(uscc)).toHaveLength(1);
  });
});
