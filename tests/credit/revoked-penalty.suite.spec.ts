import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startSuiteHarness, type SuiteHarness } from '../support/suite-harness.js';
import { api, expectStatus, fileCase, usccFor, type Api } from '../security/security-fixtures.js';
import { eventually } from './credit-harness.js';

const BUREAU = '320902';
const AT = '2026-11-27T10:00:00+08:00'; // the suite's clock

jest.setTimeout(90_000);

/** The whole way: the cases service decides and reviews, credit follows its events. */
describe('a penalty revoked on reconsideration, through the cases service', () => {
  let s: SuiteHarness;
  let a: Api;
  let officer: string;

  beforeAll(async () => {
    s = await startSuiteHarness();
    a = api(s.h);
    officer = await s.token('officer', BUREAU);
  }, 90_000);

  afterAll(async () => {
    await s?.stop();
  }, 60_000);

  it('records the penalty, then voids it and regrades when reconsideration revokes the decision', async () => {
    const uscc = usccFor(BUREAU, 7);
    const { caseId } = await fileCase(a, officer, BUREAU, 7);
    expectStatus(await a.call('POST', `/api/v1/cases/${caseId}/steps`, officer, { step: 'notice', at: AT }), 201, 'notice');
    expectStatus(await a.call('POST', `/api/v1/cases/${caseId}/decision`, officer, { result: 'penalty', penalties: [{ type: 'fine', amount: 50_000 }] }), 200, 'decision');
    const creditOf = () => a.call('GET', `/api/v1/operators/${uscc}/credit`, officer).then((r) => (r.statusCode === 200 ? r.json() : null));
    expect(await eventually(creditOf, (c) => c?.grade === 'C')).toMatchObject({ grade: 'C', factors: [expect.objectContaining({ code: 'HEAVY_PENALTY' })] });

    expectStatus(await a.call('POST', `/api/v1/cases/${caseId}/reviews`, officer, { kind: 'reconsideration', outcome: 'revoked' }), 201, 'review');
    const after = await eventually(creditOf, (c) => c?.grade === 'A');
    expect(after).toMatchObject({ grade: 'A', factors: [] });
    expect(after.record.items).toEqual([expect.objectContaining({ sourceKey: `case:${caseId}`, kind: 'penalty', voided: { date: '2026-11-27', reason: expect.stringContaining('撤销') } })]);
  });
});
