import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { createServiceDataSource } from '#libs/database';
import { casesMigrations } from '../../apps/cases/src/migrations/index.js';
import { CommandBus } from '../../apps/gateway/src/common/command-bus.js';
import { startCasesHarness, undoThroughEvidenceStore, uscc, type CasesHarness } from './cases-harness.js';

const NOW = '2026-11-27T02:00:00Z';

describe('cases service', () => {
  let t: CasesHarness;
  let officer902: string;
  let officer903: string;
  let supervisor902: string;
  let supervisor903: string;
  let supervisor900: string;

  beforeAll(async () => {
    t = await startCasesHarness(NOW);
    [officer902, officer903, supervisor902, supervisor903, supervisor900] = await Promise.all([
      t.h.tokenFor('officer', '320902', 'officer_902'),
      t.h.tokenFor('officer', '320903', 'officer_903'),
      t.h.tokenFor('supervisor', '320902', 'supervisor_902'),
      t.h.tokenFor('supervisor', '320903', 'supervisor_903'),
      t.h.tokenFor('supervisor', '320900', 'supervisor_900'),
    ]);
  });
  afterAll(async () => t?.close());

  const file = async (overrides: { decidedAt?: string; procedure?: 'ordinary' | 'fast_track'; bureau?: string } = {}) => {
    const caseId = uuidv7();
    await t.publishLeadDecided({ caseId, bureau: overrides.bureau ?? '320902', ...overrides });
    return t.waitForCase(caseId, overrides.bureau === '320903' ? officer903 : officer902);
  };
  const act = (id: string, path: string, payload: unknown, token = officer902) => t.post(`/api/v1/cases/${id}/${path}`, token, payload);
  const ok = async (id: string, path: string, payload: unknown, token = officer902) => {
    const res = await act(id, path, payload, token);
    if (res.statusCode >= 300) throw new Error(`${path} → ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, any>;
  };

  describe('filing from lead.decided', () => {
    it('creates the case once with id = caseId, even when the decision is redelivered or re-sent', async () => {
      const caseId = uuidv7();
      const eventId = await t.publishLeadDecided({ caseId, bureau: '320902' });
      await t.publishLeadDecided({ caseId, bureau: '320902', eventId });
      await t.publishLeadDecided({ caseId, bureau: '320902' });
      const c = await t.waitForCase(caseId, officer902);
      expect(c).toMatchObject({
        id: caseId,
        bureau: '320902',
        originBureau: '320902',
        procedure: 'ordinary',
        status: 'filed',
        filedDate: '2026-07-03',
        // 90 days end on 2026-10-01 (National Day) and move to the next working day (domain.md §2).
        dueDate: '2026-10-08',
        provisional: false,
        overdue: true,
        subject: { uscc: uscc('123456789') },
        ruleSet: { id: 'penalty-procedure', version: 1 },
      });
      await new Promise((r) => setTimeout(r, 300));
      const filed = (await t.outbox(caseId)).filter((e) => e.type === 'case.filed');
      expect(filed).toHaveLength(1);
      expect(filed[0]!.payload.snapshot).toMatchObject({ id: caseId, dueDate: '2026-10-08', status: 'filed' });
    });

    it('files a case decided while the cases service was down once it is back, exactly once', async () => {
      const restart = await t.stopService();
      const caseId = uuidv7();
      try {
        expect((await t.get(`/api/v1/cases/${caseId}`, officer902)).statusCode).toBe(503);
        await t.publishLeadDecided({ caseId, bureau: '320902' });
      } finally {
        await restart();
      }
      expect(await t.waitForCase(caseId, officer902)).toMatchObject({ id: caseId, status: 'filed' });
      expect((await t.outbox(caseId)).map((e) => e.type)).toEqual(['case.filed']);
    });

    it('ignores decisions other than file_case and keeps fast-track procedure', async () => {
      const noCase = uuidv7();
      await t.publishLeadDecided({ caseId: noCase, bureau: '320902', outcome: 'no_case' });
      const fast = await file({ procedure: 'fast_track', decidedAt: '2026-11-20T09:00:00+08:00' });
      expect(fast.procedure).toBe('fast_track');
      expect((await t.get(`/api/v1/cases/${noCase}`, officer902)).statusCode).toBe(404);
    });
  });

  describe('disposition clock: pauses and extensions', () => {
    it('adds paused days back, allows one standard extension, then only collective ones', async () => {
      const c = await file();
      expect((await act(c.id, 'pauses', { reason: 'hearing', startedAt: '2026-07-10T09:00:00+08:00' })).statusCode).toBe(201);
      expect((await act(c.id, 'pauses', { reason: 'testing' })).statusCode).toBe(409);
      const resumed = await ok(c.id, 'pauses/current/end', { endedAt: '2026-07-19T17:00:00+08:00' });
      // 07-10..07-19 excluded (10 days): 07-03 + 100 = 10-11 (Sunday) → 10-12.
      expect(resumed).toMatchObject({ status: 'filed', dueDate: '2026-10-12', pauses: [{ reason: 'hearing', endedAt: '2026-07-19T09:00:00.000Z' }] });
      expect((await act(c.id, 'pauses/current/end', {})).json()).toMatchObject({ statusCode: 409, details: [{ message: 'filed' }] });

      expect((await act(c.id, 'extension', { kind: 'standard', reason: '案情复杂' })).statusCode).toBe(403);
      expect((await act(c.id, 'extension', { kind: 'collective', reason: 'x', newDueDate: '2026-12-31' }, supervisor902)).statusCode).toBe(409);
      const extended = await ok(c.id, 'extension', { kind: 'standard', reason: '案情复杂' }, supervisor902);
      // 07-03 + 90 + 30 + 10 paused = 11-10.
      expect(extended.dueDate).toBe('2026-11-10');
      const again = await act(c.id, 'extension', { kind: 'standard', reason: '再延' }, supervisor902);
      expect(again.json()).toMatchObject({ statusCode: 409, code: 'EXTENSION_LIMIT', details: [{ message: 'filed' }] });
      expect((await act(c.id, 'extension', { kind: 'collective', reason: '特别复杂' }, supervisor902)).statusCode).toBe(400);
      expect((await act(c.id, 'extension', { kind: 'collective', reason: '特别复杂', newDueDate: '2026-11-01' }, supervisor902)).statusCode).toBe(400);
      const collective = await ok(c.id, 'extension', { kind: 'collective', reason: '特别复杂', newDueDate: '2026-12-31' }, supervisor902);
      expect(collective).toMatchObject({ dueDate: '2026-12-31', overdue: false, dueSoon: false });

      const clock = (await t.get(`/api/v1/cases/${c.id}/clock`, officer902)).json();
      expect(clock.dueDate).toBe('2026-12-31');
      expect(clock.explanation.segments.map((s: { kind: string }) => s.kind)).toEqual(
        expect.arrayContaining(['start', 'counted', 'pause', 'extension', 'collective_extension']),
      );
      expect(clock.explanation.summary).toContain('听证');
      const types = (await t.outbox(c.id)).map((e) => e.type);
      expect(types).toEqual(['case.filed', 'case.paused', 'case.resumed', 'case.extended', 'case.extended']);
    });

    it.each([
      ['unknown reason', { reason: 'vacation' }, 'reason'],
      ['pause before filing', { reason: 'hearing', startedAt: '2026-07-01T09:00:00+08:00' }, 'startedAt'],
      ['pause in the future', { reason: 'hearing', startedAt: '2026-12-01T09:00:00+08:00' }, 'startedAt'],
      ['bad timestamp', { reason: 'hearing', startedAt: 'yesterday' }, 'startedAt'],
    ])('refuses a pause: %s (400 naming the field)', async (_label, body, field) => {
      const c = await file();
      const res = await act(c.id, 'pauses', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('steps, decision, closure, reviews', () => {
    it('runs the procedure in order and answers 409 out of order', async () => {
      const c = await file({ decidedAt: '2026-10-20T10:00:00+08:00' });
      expect((await act(c.id, 'steps', { step: 'statement', at: '2026-11-02T10:00:00+08:00' })).json()).toMatchObject({ statusCode: 409, code: 'STEP_OUT_OF_ORDER' });
      expect((await act(c.id, 'decision', { result: 'penalty', penalties: [{ type: 'warning' }] })).statusCode).toBe(409);
      const noticed = await ok(c.id, 'steps', { step: 'notice', at: '2026-11-02T10:00:00+08:00' });
      expect(noticed.hearingRequestDueDate).toBe('2026-11-09');
      const requested = await ok(c.id, 'steps', { step: 'hearing_request', at: '2026-11-05T10:00:00+08:00' });
      expect(requested.steps.find((s: { step: string }) => s.step === 'hearing_request')).toMatchObject({ onTime: true });
      expect((await act(c.id, 'decision', { result: 'penalty', penalties: [{ type: 'warning' }] })).statusCode).toBe(409);
      expect((await act(c.id, 'steps', { step: 'collective_discussion', at: '2026-11-10T10:00:00+08:00' })).statusCode).toBe(409);
      await ok(c.id, 'steps', { step: 'hearing', at: '2026-11-10T10:00:00+08:00' });
      await ok(c.id, 'steps', { step: 'legal_review', at: '2026-11-11T10:00:00+08:00' });
      await ok(c.id, 'steps', { step: 'collective_discussion', at: '2026-11-12T10:00:00+08:00' });
      expect((await act(c.id, 'steps', { step: 'delivery', at: '2026-11-12T11:00:00+08:00' })).statusCode).toBe(409);

      expect((await act(c.id, 'decision', { result: 'penalty', penalties: [] })).statusCode).toBe(400);
      expect((await act(c.id, 'decision', { result: 'penalty', penalties: [{ type: 'fine' }] })).statusCode).toBe(400);
      expect((await act(c.id, 'decision', { result: 'no_penalty', penalties: [{ type: 'warning' }] })).statusCode).toBe(400);
      expect((await act(c.id, 'decision', { result: 'fined' })).statusCode).toBe(400);
      const decided = await ok(c.id, 'decision', {
        result: 'penalty',
        decidedAt: '2026-11-13T15:00:00+08:00',
        penalties: [{ type: 'fine', amount: 5000 }, { type: 'confiscation_of_illegal_gains', amount: 1200 }],
      });
      expect(decided).toMatchObject({ status: 'decided', onTime: true, decision: { result: 'penalty' } });
      expect((await act(c.id, 'decision', { result: 'no_penalty' })).json()).toMatchObject({ statusCode: 409, details: [{ message: 'decided' }] });
      expect((await act(c.id, 'close', {})).statusCode).toBe(409);
      await ok(c.id, 'steps', { step: 'delivery', at: '2026-11-16T10:00:00+08:00' });
      await ok(c.id, 'steps', { step: 'enforcement', at: '2026-11-17T10:00:00+08:00' });
      const closed = await ok(c.id, 'close', { closedAt: '2026-11-18T10:00:00+08:00' });
      expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-18T02:00:00.000Z' });

      expect((await act(c.id, 'reviews', { kind: 'reconsideration', outcome: 'won' })).statusCode).toBe(400);
      expect((await act(c.id, 'reviews', { kind: 'reconsideration', outcome: 'upheld', procedural: true })).statusCode).toBe(400);
      expect((await act(c.id, 'reviews', { kind: 'reconsideration', outcome: 'upheld' })).statusCode).toBe(201);
      const reviewed = (await act(c.id, 'reviews', { kind: 'litigation', outcome: 'lost', procedural: true })).json();
      expect(reviewed.reviews).toMatchObject([
        { kind: 'reconsideration', outcome: 'upheld', procedural: false },
        { kind: 'litigation', outcome: 'lost', procedural: true },
      ]);

      const decidedEvent = (await t.outbox(c.id)).find((e) => e.type === 'case.decided')!;
      expect(decidedEvent.payload).toMatchObject({
        result: 'penalty',
        decidedAt: '2026-11-13T07:00:00.000Z',
        onTime: true,
        subject: { uscc: uscc('123456789') },
        penalties: [{ type: 'fine', amount: 5000 }, { type: 'confiscation_of_illegal_gains', amount: 1200 }],
        snapshot: { id: c.id, status: 'decided', subjectUscc: uscc('123456789'), decision: { result: 'penalty' } },
      });

      const streamed = await t.streamEvents(c.id, 12);
      expect(streamed.map((e) => e.type)).toEqual([
        'case.filed',
        'case.step_recorded',
        'case.step_recorded',
        'case.step_recorded',
        'case.step_recorded',
        'case.step_recorded',
        'case.decided',
        'case.step_recorded',
        'case.step_recorded',
        'case.closed',
        'case.review_concluded',
        'case.review_concluded',
      ]);
      for (const e of streamed) expect(e.payload.snapshot).toMatchObject({ id: c.id, bureau: '320902' });
    });

    it('records a simplified on-the-spot decision as a closed case without a clock', async () => {
      const body = { subject: { uscc: uscc('222222222'), name: '路边摊' }, penalties: [{ type: 'fine', amount: 500 }], decidedAt: '2026-11-26T15:00:00+08:00' };
      const res = await t.post('/api/v1/cases/simplified', officer902, body);
      expect(res.statusCode).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ procedure: 'simplified', status: 'closed', bureau: '320902', decision: { result: 'penalty' } });
      expect(c.dueDate).toBeUndefined();
      expect((await t.get(`/api/v1/cases/${c.id}/clock`, officer902)).statusCode).toBe(409);
      expect((await t.post('/api/v1/cases/simplified', officer902, { ...body, penalties: [{ type: 'fine', amount: 5000 }] })).statusCode).toBe(400);
      expect((await t.post('/api/v1/cases/simplified', officer902, { ...body, subject: { uscc: '91320902123456789X' } })).json().code).toBe('INVALID_USCC');
      expect((await t.outbox(c.id)).map((e) => e.type)).toEqual(['case.filed', 'case.decided', 'case.closed']);
    });
  });

  describe('transfer, visibility and jurisdiction dispute', () => {
    it('moves the case with its history; the sender reads only; the receiver cannot pass it on', async () => {
      const c = await file({ decidedAt: '2026-11-20T10:00:00+08:00' });
      await ok(c.id, 'steps', { step: 'notice', at: '2026-11-23T10:00:00+08:00' });
      expect((await t.get(`/api/v1/cases/${c.id}`, officer903)).statusCode).toBe(404);
      expect((await act(c.id, 'transfer', { toBureau: '320999', reason: 'x' })).statusCode).toBe(400);
      const wrong = await act(c.id, 'transfer', {
        toBureau: '320904',
        reason: '实际经营地',
        basis: { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: '320903' },
      });
      expect(wrong.json()).toMatchObject({ statusCode: 400, details: [{ field: 'toBureau', code: 'NO_JURISDICTION' }] });
      const moved = await ok(c.id, 'transfer', {
        toBureau: '320903',
        reason: '实际经营地',
        basis: { operatorKind: 'in_platform', domicileBureau: '320921', businessBureau: '320903' },
      });
      expect(moved).toMatchObject({ bureau: '320903', originBureau: '320902', transfers: [{ from: '320902', to: '320903' }] });

      const receiver = (await t.get(`/api/v1/cases/${c.id}`, officer903)).json();
      expect(receiver).toMatchObject({ readOnly: false, steps: [{ step: 'notice' }] });
      const sender = (await t.get(`/api/v1/cases/${c.id}`, officer902)).json();
      expect(sender).toMatchObject({ readOnly: true, bureau: '320903' });
      expect((await act(c.id, 'pauses', { reason: 'hearing' }, officer902)).statusCode).toBe(403);
      const list902 = (await t.get('/api/v1/cases?pageSize=200', officer902)).json();
      expect(list902.items.map((x: { id: string }) => x.id)).toContain(c.id);

      const onward = await act(c.id, 'transfer', { toBureau: '320904', reason: '再移送' }, officer903);
      expect(onward.json()).toMatchObject({ statusCode: 409, code: 'ALREADY_TRANSFERRED' });

      const disputed = await ok(c.id, 'jurisdiction-dispute', { reason: '经营地不在本辖区' }, officer903);
      // 7 working days after 2026-11-27 (Fri).
      expect(disputed.jurisdictionDispute).toMatchObject({ raisedBy: '320903', otherBureau: '320902', consultationDueDate: '2026-12-08' });
      const designate = { kind: 'designated', bureau: '320902' };
      expect((await act(c.id, 'jurisdiction-dispute/resolution', designate, supervisor903)).statusCode).toBe(403);
      expect((await act(c.id, 'jurisdiction-dispute/resolution', designate, supervisor900)).json()).toMatchObject({ statusCode: 409 });

      t.h.clock.set('2026-12-09T02:00:00Z');
      try {
        const designated = await ok(c.id, 'jurisdiction-dispute/resolution', designate, supervisor900);
        expect(designated).toMatchObject({
          bureau: '320902',
          transfers: [{ from: '320902', to: '320903', kind: 'transfer' }, { from: '320903', to: '320902', kind: 'designation' }],
          jurisdictionDispute: { resolution: { kind: 'designated', bureau: '320902', withinConsultation: false } },
        });
        expect((await t.get(`/api/v1/cases/${c.id}`, officer903)).json().readOnly).toBe(true);
      } finally {
        t.h.clock.set(NOW);
      }
      const types = (await t.outbox(c.id)).map((e) => e.type);
      expect(types).toEqual(['case.filed', 'case.step_recorded', 'case.transferred', 'case.jurisdiction_disputed', 'case.jurisdiction_resolved', 'case.transferred']);
    });
  });

  describe('police transfer (行刑衔接)', () => {
    it('tracks the 3-day approval and the 24-hour hand-over', async () => {
      const c = await file({ decidedAt: '2026-11-16T10:00:00+08:00' });
      expect((await act(c.id, 'police-transfer', { organ: '盐城市公安局亭湖分局', reason: '涉嫌销售假冒注册商标的商品罪', transferredAt: '2026-11-21T10:00:00+08:00' })).statusCode).toBe(400);
      const reported = await ok(c.id, 'police-transfer', { organ: '盐城市公安局亭湖分局', reason: '涉嫌销售假冒注册商标的商品罪', reportedAt: '2026-11-20T10:00:00+08:00' });
      // 3 days from Friday 11-20 end on Monday 11-23.
      expect(reported.policeTransfer).toMatchObject({ approvalDueDate: '2026-11-23', approvalOverdue: true });
      expect((await act(c.id, 'police-transfer/handover', {})).statusCode).toBe(409);
      expect((await act(c.id, 'police-transfer/approval', {})).statusCode).toBe(403);
      const approved = await ok(c.id, 'police-transfer/approval', { approvedAt: '2026-11-24T10:00:00+08:00' }, supervisor902);
      expect(approved.policeTransfer).toMatchObject({ approvalOnTime: false, handoverDueAt: '2026-11-25T02:00:00.000Z', handoverOverdue: true });
      const handed = await ok(c.id, 'police-transfer/handover', { transferredAt: '2026-11-25T09:30:00+08:00' });
      expect(handed.policeTransfer).toMatchObject({ handoverOnTime: true, handoverOverdue: false });
      await ok(c.id, 'police-transfer/result', { result: 'accepted', at: '2026-11-26T10:00:00+08:00' });
      const linked = await ok(c.id, 'police-transfer/result', { result: 'accepted', outcome: '已立案侦查（亭公刑立字〔2026〕88号）' });
      expect(linked.policeTransfer).toMatchObject({ result: 'accepted', outcome: '已立案侦查（亭公刑立字〔2026〕88号）' });
      const stages = (await t.outbox(c.id)).filter((e) => e.type === 'case.police_transferred').map((e) => e.payload.stage);
      expect(stages).toEqual(['reported', 'approved', 'handed_over', 'accepted', 'outcome_linked']);
    });
  });

  describe('electronic evidence', () => {
    const upload = (id: string, fields: Record<string, string>, bytes?: Buffer) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'shot.png');
      return t.h.request({ method: 'POST', url: `/api/v1/cases/${id}/evidence`, headers: { authorization: `Bearer ${officer902}` }, payload: form });
    };
    const meta = { type: 'screenshot', sourceUrl: 'https://shop.example.com/item/1', capturedAt: '2026-11-26T10:00:00+08:00', method: '可信时间戳截屏' };

    it('leaves no uploaded parts behind when the service refuses the evidence (another bureau’s case)', async () => {
      const before = Number((await t.db.query('SELECT count(*) AS n FROM cases.transfer_parts')).rows[0].n);
      const res = await upload('0b8e4d52-6b9f-4a2e-9d8e-5f2c1a7b3c4d', meta, Buffer.alloc(1_100_000, 3));
      expect(res.statusCode).toBe(404);
      const after = Number((await t.db.query('SELECT count(*) AS n FROM cases.transfer_parts')).rows[0].n);
      expect(after).toBe(before);
    });

    it('stores the bytes with SHA-256, re-verifies on read and flags a tampered row', async () => {
      const c = await file();
      // Bigger than one NATS message, so the gateway has to send it in parts.
      const bytes = Buffer.alloc(1_300_000, 7);
      bytes.write('PNG evidence', 0);
      const res = await upload(c.id, meta, bytes);
      expect(res.statusCode).toBe(201);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(res.json()).toMatchObject({ sha256 });
      const evidenceId = res.json().id as string;

      const read = (await t.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`, officer902)).json();
      expect(read).toMatchObject({ verified: true, integrity: 'ok', sha256, size: bytes.length, capturedBy: 'officer_902', type: 'screenshot' });
      expect((await t.get(`/api/v1/cases/${c.id}`, officer902)).json().evidence).toMatchObject([{ id: evidenceId, sha256 }]);

      // The store keeps the file under its hash, whole (no temporary file left behind).
      expect(readFileSync(t.evidence.pathOf(sha256)).equals(bytes)).toBe(true);
      expect(readdirSync(dirname(dirname(t.evidence.pathOf(sha256))) + '/tmp')).toEqual([]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM cases.transfer_parts`)).rows[0].n).toBe(0);

      writeFileSync(t.evidence.pathOf(sha256), 'forged');
      const tampered = (await t.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`, officer902)).json();
      expect(tampered).toMatchObject({ verified: false, integrity: 'mismatch', sha256 });
      expect(tampered.actualSha256).not.toBe(sha256);
      rmSync(t.evidence.pathOf(sha256));
      const missing = (await t.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`, officer902)).json();
      expect(missing).toMatchObject({ verified: false, integrity: 'missing', actualSha256: null });
      expect(missing.custody.map((e: { action: string }) => e.action)).toEqual(['captured', 'verified', 'mismatch', 'missing']);
      expect((await t.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`, officer903)).statusCode).toBe(404);
    });

    it('moves evidence bytes stored in the database into the store (migration backfill), and back on undo', async () => {
      const c = await file();
      const bytes = Buffer.from('screenshot kept in the evidence table before the store existed');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const evidenceId = (await upload(c.id, meta, bytes)).json().id as string;
      const restart = await t.stopService();
      const dataSource = createServiceDataSource({ url: t.h.db.url, schema: 'cases', entities: [], migrations: casesMigrations(t.evidence) });
      await dataSource.initialize();
      try {
        // Back to the schema where bytes lived in evidence.content, then forget the file.
        await undoThroughEvidenceStore(dataSource);
        const { rows } = await t.db.query(`SELECT content FROM cases.evidence WHERE id = $1`, [evidenceId]);
        expect((rows[0].content as Buffer).equals(bytes)).toBe(true);
        rmSync(t.evidence.pathOf(sha256));
      } finally {
        await dataSource.destroy();
        await restart();
      }
      expect(readFileSync(t.evidence.pathOf(sha256)).equals(bytes)).toBe(true);
      const columns = await t.db.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'cases' AND table_name = 'evidence' AND column_name = 'content'`);
      expect(columns.rowCount).toBe(0);
      expect((await t.get(`/api/v1/cases/${c.id}/evidence/${evidenceId}`, officer902)).json()).toMatchObject({ verified: true, integrity: 'ok', sha256 });
    });

    it('refuses an upload whose parts are incomplete and purges parts abandoned for over an hour', async () => {
      const c = await file();
      const bus = t.h.app.get(CommandBus);
      const ctx = { actor: { username: 'officer_902', role: 'officer' as const, bureau: '320902', visibleBureaus: ['320902'] }, requestId: 'parts' };
      const uploadId = uuidv7();
      const part = { uploadId, index: 1, dataBase64: Buffer.from('second half').toString('base64') };
      // Sent twice (a retry): stored once.
      await bus.send('cases.upload_part', ctx, part);
      await bus.send('cases.upload_part', ctx, part);
      const add = { ...meta, id: c.id, upload: { uploadId, parts: 2 }, fileName: 'x.png', mimeType: 'image/png' };
      await expect(bus.send('cases.add_evidence', ctx, add)).rejects.toMatchObject({ body: { statusCode: 400, details: [{ field: 'file', code: 'UPLOAD_INCOMPLETE' }] } });
      // Another user cannot complete someone else's upload.
      const other = { ...ctx, actor: { ...ctx.actor, username: 'officer_902b' } };
      await bus.send('cases.upload_part', other, { uploadId, index: 0, dataBase64: Buffer.from('first half ').toString('base64') });
      await expect(bus.send('cases.add_evidence', other, add)).rejects.toMatchObject({ body: { statusCode: 400 } });
      await expect(bus.send('cases.upload_part', ctx, { uploadId, index: -1, dataBase64: 'eA==' })).rejects.toMatchObject({ body: { statusCode: 400 } });

      await t.db.query(`UPDATE cases.transfer_parts SET created_at = now() - interval '61 minutes' WHERE transfer_id = $1`, [uploadId]);
      await bus.send('cases.upload_part', ctx, { uploadId: uuidv7(), index: 0, dataBase64: 'eA==' });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM cases.transfer_parts WHERE transfer_id = $1`, [uploadId])).rows[0].n).toBe(0);
    });

    it.each([
      ['no file', meta, undefined, 'file'],
      ['unknown type', { ...meta, type: 'rumour' }, Buffer.from('x'), 'type'],
      ['missing capturedAt', { type: 'file', method: 'm' }, Buffer.from('x'), 'capturedAt'],
      ['too large', meta, Buffer.alloc(10 * 1024 * 1024 + 1), 'file'],
    ])('refuses an upload: %s (400)', async (_label, fields, bytes, field) => {
      const c = await file();
      const res = await upload(c.id, fields as Record<string, string>, bytes);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('soft measures', () => {
    it('records one against an operator and emits soft_measure.recorded', async () => {
      const body = { operatorUscc: uscc('333333333'), kind: 'interview', at: '2026-11-25T10:00:00+08:00', note: '约谈平台负责人' };
      const res = await t.post('/api/v1/soft-measures', officer902, body);
      expect(res.statusCode).toBe(201);
      const m = res.json();
      expect(m).toMatchObject({ operatorUscc: body.operatorUscc, kind: 'interview', bureau: '320902', recordedBy: 'officer_902' });
      expect(await t.outbox(m.id)).toMatchObject([{ type: 'soft_measure.recorded', payload: { operatorUscc: body.operatorUscc, kind: 'interview' } }]);
      expect((await t.post('/api/v1/soft-measures', officer902, { ...body, kind: 'scolding' })).statusCode).toBe(400);
      expect((await t.post('/api/v1/soft-measures', officer902, { ...body, operatorUscc: '91320902123456789X' })).statusCode).toBe(400);
      expect((await t.post('/api/v1/soft-measures', officer903, { ...body, caseId: uuidv7() })).statusCode).toBe(404);
      const listed = (await t.get(`/api/v1/soft-measures?operatorUscc=${body.operatorUscc}`, supervisor900)).json();
      expect(listed.items.map((x: { id: string }) => x.id)).toEqual([m.id]);
    });
  });

  describe('lists, queue and access', () => {
    it('filters, pages and sorts by due date; flags due soon and overdue', async () => {
      const soon = await file({ decidedAt: '2026-08-31T10:00:00+08:00' });
      // 08-31 + 90 = 11-29 (Sunday) → 11-30: within 3 working days of Friday 11-27.
      expect(soon).toMatchObject({ dueDate: '2026-11-30', dueSoon: true, overdue: false });
      const overdue = (await t.get('/api/v1/cases?overdue=true&pageSize=200', supervisor902)).json();
      expect(overdue.items.length).toBeGreaterThan(0);
      expect(overdue.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
      const paged = (await t.get('/api/v1/cases?status=filed&page=1&pageSize=2', supervisor902)).json();
      expect(paged.items).toHaveLength(2);
      expect(paged.total).toBeGreaterThan(2);
      const queue = (await t.get('/api/v1/cases/queue?remindersOnly=true', supervisor902)).json();
      const dues = queue.items.map((c: { dueDate: string }) => c.dueDate);
      expect(dues).toEqual([...dues].sort());
      expect(queue.items.map((c: { id: string }) => c.id)).toContain(soon.id);
      expect(queue.items.every((c: { dueSoon: boolean; overdue: boolean }) => c.dueSoon || c.overdue)).toBe(true);
      expect(queue.dueSoon).toBeGreaterThanOrEqual(1);
      const city = (await t.get('/api/v1/cases?pageSize=200', supervisor900)).json();
      expect(city.total).toBeGreaterThanOrEqual(overdue.total);
    });

    it.each([
      ['GET', '/api/v1/cases?pageSize=0', 400],
      ['GET', '/api/v1/cases?status=open', 400],
      ['GET', '/api/v1/cases/not-a-uuid', 404],
      ['GET', `/api/v1/cases/${uuidv7()}`, 404],
      ['POST', `/api/v1/cases/${uuidv7()}/close`, 404],
    ])('%s %s → %i', async (method, url, status) => {
      const res = await t.h.request({ method, url, headers: { authorization: `Bearer ${officer902}` }, ...(method === 'POST' ? { payload: {} } : {}) });
      expect(res.statusCode).toBe(status);
    });

    it('refuses unknown fields and roles that do not handle cases', async () => {
      const c = await file();
      expect((await act(c.id, 'steps', { step: 'notice', at: '2026-11-02T10:00:00+08:00', extra: 1 })).statusCode).toBe(400);
      expect((await act(c.id, 'steps', { step: 'inspection', at: '2026-11-02T10:00:00+08:00' })).statusCode).toBe(400);
      const admin = await t.h.tokenFor('admin', '320900', 'admin_900');
      expect((await t.get(`/api/v1/cases/${c.id}`, admin)).statusCode).toBe(403);
      expect((await t.get(`/api/v1/cases/${c.id}`, '')).statusCode).toBe(401);
    });
  });

  describe('demo seed', () => {
    it('adds simplified and fast-track cases once, for an admin only', async () => {
      const bus = t.h.app.get(CommandBus);
      const ctx = (role: 'admin' | 'officer') => ({ actor: { username: 'seed:demo', role, bureau: '320900', visibleBureaus: ['320900', '320904'] }, requestId: 'seed' });
      const data = { year: 2026, bureaus: ['320904'], perBureau: 6 };
      const first = await bus.send<{ created: number }>('cases.seed_demo', ctx('admin'), data);
      expect(first.created).toBeGreaterThan(0);
      expect(await bus.send('cases.seed_demo', ctx('admin'), data)).toEqual({ created: 0 });
      await expect(bus.send('cases.seed_demo', ctx('officer'), data)).rejects.toMatchObject({ body: { statusCode: 403 } });
      const officer904 = await t.h.tokenFor('officer', '320904', 'officer_904');
      const listed = (await t.get('/api/v1/cases?pageSize=50', officer904)).json();
      expect(listed.total).toBe(first.created);
      expect(new Set(listed.items.map((c: { procedure: string }) => c.procedure))).toEqual(new Set(['simplified', 'fast_track']));
      for (const c of listed.items.filter((x: { status: string }) => x.status === 'closed')) {
        expect(c.decision.penalties.length).toBeGreaterThan(0);
      }
    });
  });
});
