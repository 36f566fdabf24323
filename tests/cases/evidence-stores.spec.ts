import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DiskEvidenceStore } from '../../apps/cases/src/evidence/disk-evidence-store.js';
import { S3EvidenceStore } from '../../apps/cases/src/evidence/s3-evidence-store.js';
import { describeEvidenceStoreContract } from './evidence-store-contract.js';
import { startS3TestServer, type S3TestServer } from './s3-test-server.js';

describeEvidenceStoreContract(DiskEvidenceStore.name, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wj-evidence-'));
  const store = new DiskEvidenceStore(dir);
  return {
    store,
    overwrite: async (sha256, bytes) => writeFileSync(store.pathOf(sha256), bytes),
    remove: async (sha256) => rmSync(store.pathOf(sha256)),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeEvidenceStoreContract(`${S3EvidenceStore.name} on s3rver`, async () => {
  const s3 = await startS3TestServer();
  const store = new S3EvidenceStore(s3.options);
  const Bucket = s3.options.bucket;
  return {
    store,
    overwrite: async (Key, Body) => void (await s3.client.send(new PutObjectCommand({ Bucket, Key, Body }))),
    remove: async (Key) => void (await s3.client.send(new DeleteObjectCommand({ Bucket, Key }))),
    close: async () => {
      store.onModuleDestroy();
      await s3.close();
    },
  };
});

describe(S3EvidenceStore.name, () => {
  let s3: S3TestServer;
  beforeAll(async () => {
    s3 = await startS3TestServer();
  });
  afterAll(async () => s3?.close());

  it('keeps each file as the object named by its bare SHA-256 in the bucket', async () => {
    const sut = new S3EvidenceStore(s3.options);
    const bytes = Buffer.from('bytes');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await sut.put(sha256, bytes);
    const res = await s3.client.send(new GetObjectCommand({ Bucket: s3.options.bucket, Key: sha256 }));
    expect(await res.Body!.transformToString()).toBe('bytes');
    sut.onModuleDestroy();
  });

  it.each([
    { outage: 'a bucket that does not exist', options: { bucket: 'wj-no-such-bucket' }, error: 'NoSuchBucket' },
    { outage: 'an unknown access key', options: { accessKeyId: 'NOT-A-KEY' }, error: 'InvalidAccessKeyId' },
  ])('fails the read on $outage instead of calling the evidence missing', async ({ options, error }) => {
    const sut = new S3EvidenceStore({ ...s3.options, ...options });
    const sha256 = 'a'.repeat(64);
    await expect(sut.get(sha256)).rejects.toMatchObject({ name: error });
    await expect(sut.put(sha256, Buffer.from('x'))).rejects.toMatchObject({ name: error });
    sut.onModuleDestroy();
  });
});
