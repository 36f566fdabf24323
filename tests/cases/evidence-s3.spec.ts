import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { createServiceDataSource } from '#libs/database';
import { S3EvidenceStore } from '../../apps/cases/src/evidence/s3-evidence-store.js';
import { casesMigrations } from '../../apps/cases/src/migrations/index.js';
import { startCasesHarness, undoThroughEvidenceStore, type CasesHarness } from './cases-harness.js';
import { startS3TestServer, type S3TestServer } from './s3-test-server.js';

const meta = { type: 'screenshot', sourceUrl: 'https://shop.example.com/item/1', capturedAt: '2026-11-26T10:00:00+08:00', method: '可信时间戳截屏' };
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('cases service with EVIDENCE_STORE=s3', () => {
  let s3: S3TestServer;
  let t: CasesHarness;
  let officer: string;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    t = await startCasesHarness('2026-11-27T02:00:00Z', s3.env);
    officer = await t.h.tokenFor('officer', '320902', 'officer_902');
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  const fileCase = async () => {
    const caseId = uuidv7();
    await t.publishLeadDecided({ caseId, bureau: '320902' });
    return (await t.waitForCase(caseId, officer)).id as string;
  };
  const upload = (caseId: string, bytes: Buffer) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(meta)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'shot.png');
    return t.h.request({ method: 'POST', url: `/api/v1/cases/${caseId}/evidence`, headers: { authorization: `Bearer ${officer}` }, payload: form });
  };
  const read = async (caseId: string, evidenceId: string) => (await t.get(`/api/v1/cases/${caseId}/evidence/${evidenceId}`, officer)).json();
  const objectIn = async (Key: string) => {
    const res = await s3.client.send(new GetObjectCommand({ Bucket: s3.options.bucket, Key }));
    return Buffer.from(await res.Body!.transformToByteArray());
  };

  it('stores an uploaded file in the bucket under its SHA-256, reads it back verified and flags it overwritten or deleted there', async () => {
    const caseId = await fileCase();
    // Bigger than one NATS message, so the gateway sends it in parts.
    const bytes = Buffer.alloc(1_300_000, 9);
    bytes.write('PNG evidence kept in S3', 0);
    const sha256 = sha256Hex(bytes);
    const res = await upload(caseId, bytes);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sha256, size: bytes.length });
    const evidenceId = res.json().id as string;

    expect((await objectIn(sha256)).equals(bytes)).toBe(true);
    expect(await t.evidence.get(sha256)).toBeNull(); // nothing went to the local disk
    expect(await read(caseId, evidenceId)).toMatchObject({ verified: true, integrity: 'ok', sha256, actualSha256: sha256, size: bytes.length });

    const forged = Buffer.from('forged screenshot');
    await s3.client.send(new PutObjectCommand({ Bucket: s3.options.bucket, Key: sha256, Body: forged }));
    expect(await read(caseId, evidenceId)).toMatchObject({ verified: false, integrity: 'mismatch', sha256, actualSha256: sha256Hex(forged) });

    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.options.bucket, Key: sha256 }));
    const missing = await read(caseId, evidenceId);
    expect(missing).toMatchObject({ verified: false, integrity: 'missing', actualSha256: null });
    expect(missing.custody.map((e: { action: string }) => e.action)).toEqual(['captured', 'verified', 'mismatch', 'missing']);
  });

  it('backfills bytes stored in the database into the bucket (evidence-store migration)', async () => {
    const caseId = await fileCase();
    const bytes = Buffer.from('screenshot kept in the evidence table before the store existed (S3)');
    const sha256 = sha256Hex(bytes);
    const evidenceId = (await upload(caseId, bytes)).json().id as string;
    const store = new S3EvidenceStore(s3.options);
    const restart = await t.stopService();
    const dataSource = createServiceDataSource({ url: t.h.db.url, schema: 'cases', entities: [], migrations: casesMigrations(store) });
    await dataSource.initialize();
    try {
      await undoThroughEvidenceStore(dataSource);
      await s3.client.send(new DeleteObjectCommand({ Bucket: s3.options.bucket, Key: sha256 }));
    } finally {
      await dataSource.destroy();
      store.onModuleDestroy();
      await restart();
    }
    expect((await objectIn(sha256)).equals(bytes)).toBe(true);
    expect(await read(caseId, evidenceId)).toMatchObject({ verified: true, integrity: 'ok', sha256 });
  });
});
