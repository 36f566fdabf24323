import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3EvidenceStoreOptions } from '../../apps/cases/src/evidence/s3-evidence-store.js';

export interface S3TestServer {
  /** Settings for an S3EvidenceStore on the server's one bucket. */
  options: S3EvidenceStoreOptions;
  /** The same as EVIDENCE_S3_* variables, for CasesConfig. */
  env: Record<string, string>;
  /** A client of its own, to touch objects behind the store's back. */
  client: S3Client;
  close(): Promise<void>;
}

/** s3rver's fixed credentials: it checks every request's signature against them. */
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'S3RVER';

/** An S3-compatible server (s3rver) in-process on a free loopback port, its objects in a temporary directory. */
export async function startS3TestServer(bucket = 'wj-evidence-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'wj-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const options: S3EvidenceStoreOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    forcePathStyle: true,
  };
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  });
  return {
    options,
    env: {
      EVIDENCE_STORE: 's3',
      EVIDENCE_S3_ENDPOINT: options.endpoint,
      EVIDENCE_S3_BUCKET: bucket,
      EVIDENCE_S3_REGION: options.region,
      EVIDENCE_S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      EVIDENCE_S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      EVIDENCE_S3_FORCE_PATH_STYLE: 'true',
    },
    client,
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
