import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { CreditGradedPayload } from '#libs/contracts';
import { newEvent } from '#libs/messaging';
import { CreditWriter } from '../../apps/credit/src/record/credit-writer.js';
import { RecordRepository } from '../../apps/credit/src/record/record.repository.js';
import { RegradeSweep } from '../../apps/credit/src/record/regrade-sweep.js';
import { caseDecided, eventually, startCreditHarness, usccIn, type CreditHarness } from './credit-harness.js';

const NOW = '2026-11-27T02:00:00Z';
const BUREAU = '320902';

jest.setTimeout(60_000);

describe('credit regrade sweep', () => {
  let h: CreditHarness;
  let officer: string;
  let admin: string;
  const ops = { light: usccIn(BUREAU, 1), heavy: usccIn(BUREAU, 2), concurrent: usccIn(BUREAU, 3), boot: usccIn(BUREAU, 4) };

  const graded = (uscc: string) =>
    h.query<{ envelope: { payload: CreditGradedPayload } }>(`SELECT envelope FROM outbox WHERE type = 'credit.graded' AND envelope->>'aggregateId' = $1 ORDER BY created_at, id`, [uscc]).then((rows) =>
      rows.map((r) => r.envelope.payload),
    );
  const listed = (grade: string) =>
    h.call(officer, 'GET', `/api/v1/operators?grade=${grade}&pageSize=200`).then((r) => r.json().items.map((o: { uscc: string }) => o.uscc) as string[]);
  const regrade = () => h.call(admin, 'POST', '/api/v1/credit/regrade', {});

  /** Light penalty (a warning, published 3 months) + three soft measures = 10 + 15 = 25 → C. */
  async function gradedCByLightPenalty(uscc: string, caseId: string, decidedAt: string) {
    expect((await h.call(officer, 'POST', '/api/v1/operators', { uscc, name: caseId, kind: 'own_site', domicileBureau: BUREAU })).statusCode).toBe(201);
    await h.publish('case.decided', caseDecided({ id: caseId, bureau: BUREAU, subject: uscc, decidedAt, penalties: [{ type: 'warning' }] }), BUREAU);
    for (const day of ['01', '02', '03']) {
      await h.publish('soft_measure.recorded', { id: `${caseId}-sm-${day}`, operatorUscc: uscc, kind: 'interview', at: `2026-11-${day}T02:00:00Z`, note: '约谈', bureau: BUREAU, recordedBy: 'o' }, BUREAU);
    }
    const credit = await eventually(
      () => h.call(officer, 'GET', `/api/v1/operators/${uscc}/credit`).then((r) => r.json()),
      (c) => c.score === 25,
    );
    expect(credit).toMatchObject({ grade: 'C', score: 25 });
    expect((await eventually(() => graded(uscc), (g) => g.at(-1)?.grade === 'C')).at(-1)).toMatchObject({ previousGrade: 'B', grade: 'C' });
  }

  beforeAll(async () => {
    h = await startCreditHarness(NOW);
    officer = await h.gw.tokenFor('officer', BUREAU);
    admin = await h.gw.tokenFor('admin', BUREAU);
    await gradedCByLightPenalty(ops.light, 'case-light', '2026-11-20T02:00:00Z'); // published until 2027-02-20
    await gradedCByLightPenalty(ops.concurrent, 'case-concurrent', '2026-11-25T02:00:00Z'); // until 2027-02-25
    await gradedCByLightPenalty(ops.boot, 'case-boot', '2026-11-26T02:00:00Z'); // until 2027-02-26
    expect((await h.call(officer, 'POST', '/api/v1/operators', { uscc: ops.heavy, name: 'heavy', kind: 'own_site', domicileBureau: BUREAU })).statusCode).toBe(201);
    await h.publish('case.decided', caseDecided({ id: 'case-heavy', bureau: BUREAU, subject: ops.heavy, decidedAt: '2026-11-20T02:00:00Z' }), BUREAU);
    await eventually(() => graded(ops.heavy), (g) => g.at(-1)?.grade === 'C');
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  }, 60_000);

  it('changes nothing while no publication has ended', async () => {
    const before = await graded(ops.light);
    expect((await regrade()).json()).toEqual({ asOf: '2026-11-27', regraded: 0, changed: 0 });
    expect(await graded(ops.light)).toEqual(before);
  });

  it('turns C into B the day a light penalty’s 3-month publication ends, with exactly one credit.graded', async () => {
    const before = await graded(ops.light);
    expect(await listed('C')).toEqual(expect.arrayContaining([ops.light, ops.heavy]));
    h.gw.clock.set('2027-02-19T16:10:00Z'); // 2027-02-20 00:10 in Asia/Shanghai
    const res = await regrade();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ asOf: '2027-02-20', regraded: 1, changed: 1 });
    const after = await graded(ops.light);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ uscc: ops.light, previousGrade: 'C', grade: 'B', score: 15, asOf: '2027-02-20' });
    expect(after.at(-1)!.factors.map((f) => f.code)).toEqual(['SOFT_MEASURE', 'SOFT_MEASURE', 'SOFT_MEASURE']);
    expect(await listed('B')).toContain(ops.light);
    expect(await listed('C')).toEqual(expect.arrayContaining([ops.heavy, ops.concurrent, ops.boot]));
    expect(await listed('C')).not.toContain(ops.light);

    // The same day again: nothing is due any more, nothing is announced twice.
    expect((await regrade()).json()).toEqual({ asOf: '2027-02-20', regraded: 0, changed: 0 });
    expect(await graded(ops.light)).toHaveLength(before.length + 1);
  });

  it('announces a change once when sweeps and an event regrade the operator at the same time (two replicas)', async () => {
    const before = await graded(ops.concurrent);
    h.gw.clock.set('2027-02-25T01:00:00Z');
    const sweep = h.credit.get(RegradeSweep);
    // What a complaint event does for the same operator, in its own transaction.
    const cause = newEvent({ type: 'complaint.received', aggregateType: 'complaint', aggregateId: 'c', bureau: BUREAU, actor: { username: 'h', role: 'complaint_handler', bureau: BUREAU }, payload: {} }, h.gw.clock.now());
    const byEvent = h.credit.get(DataSource).transaction((m) => h.credit.get(CreditWriter).regrade(m, ops.concurrent, cause));
    await Promise.all([sweep.sweep(), sweep.sweep(), regrade().then((r) => r.json()), byEvent]);
    const after = await graded(ops.concurrent);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ previousGrade: 'C', grade: 'B' });
  });

  it('sweeps at boot', async () => {
    const before = await graded(ops.boot);
    h.gw.clock.set('2027-02-26T01:00:00Z');
    await h.restartCredit();
    const after = await eventually(() => graded(ops.boot), (g) => g.length > before.length);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ previousGrade: 'C', grade: 'B', asOf: '2027-02-26' });
    expect(await listed('C')).toEqual([ops.heavy]);
  });

  it('runs a batch again when PostgreSQL aborts it to break a deadlock with an event transaction', async () => {
    const [first, second] = [usccIn(BUREAU, 5), usccIn(BUREAU, 6)];
    await gradedCByLightPenalty(first, 'case-deadlock-1', '2026-11-27T02:00:00Z'); // until 2027-02-27
    await gradedCByLightPenalty(second, 'case-deadlock-2', '2026-11-27T02:00:00Z');
    h.gw.clock.set('2027-02-27T01:00:00Z');
    const records = h.credit.get(RecordRepository);
    let secondLocked!: () => void;
    let sweepWaiting!: () => void;
    const lockedSecond = new Promise<void>((r) => (secondLocked = r));
    const waited = new Promise<void>((r) => (sweepWaiting = r));
    // An event transaction locking the operators in the other order than the sweep (second, then first).
    const byEvents = h.credit.get(DataSource).transaction(async (m) => {
      await records.lockStoredGrades(m, [second]);
      secondLocked();
      await waited;
      await records.lockStoredGrades(m, [first]);
    });
    await lockedSecond;
    const sweeping = h.credit.get(RegradeSweep).sweep();
    await new Promise((r) => setTimeout(r, 300)); // the sweep holds `first` and waits for `second`
    sweepWaiting();
    const [events, sweep] = await Promise.allSettled([byEvents, sweeping]);
    // PostgreSQL aborts whichever of the two checks first; the sweep must finish either way.
    expect(sweep).toEqual({ status: 'fulfilled', value: { asOf: '2027-02-27', regraded: 2, changed: 2 } });
    if (events.status === 'rejected') expect(String(events.reason)).toContain('deadlock');
    for (const uscc of [first, second]) expect((await graded(uscc)).at(-1)).toMatchObject({ previousGrade: 'C', grade: 'B', asOf: '2027-02-27' });
  });

  it('is for admins only and takes no body', async () => {
    expect((await h.call(officer, 'POST', '/api/v1/credit/regrade', {})).statusCode).toBe(403);
    expect((await h.call(admin, 'POST', '/api/v1/credit/regrade', { asOf: '2027-01-01' })).statusCode).toBe(400);
  });
});
