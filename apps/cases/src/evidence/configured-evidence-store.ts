import { resolve } from 'node:path';
import type { CasesConfig } from '../cases.config.js';
import { DiskEvidenceStore } from './disk-evidence-store.js';
import type { EvidenceStore } from './evidence-store.js';
import { S3EvidenceStore } from './s3-evidence-store.js';

/** The adapter EVIDENCE_STORE names (the config has already required its settings). */
export function configuredEvidenceStore(config: CasesConfig): EvidenceStore {
  if (config.EVIDENCE_STORE === 'disk') return new DiskEvidenceStore(resolve(config.EVIDENCE_DIR));
  return new S3EvidenceStore({
    endpoint: config.EVIDENCE_S3_ENDPOINT!,
    bucket: config.EVIDENCE_S3_BUCKET!,
    region: config.EVIDENCE_S3_REGION!,
    accessKeyId: config.EVIDENCE_S3_ACCESS_KEY_ID!,
    secretAccessKey: config.EVIDENCE_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: config.EVIDENCE_S3_FORCE_PATH_STYLE,
  });
}
