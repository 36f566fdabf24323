import { InboxAttempts1766500000000 } from '#libs/messaging';
import { CaseRow } from '../cases/case.entity.js';
import { EvidenceRow } from '../evidence/evidence.entity.js';
import type { EvidenceStore } from '../evidence/evidence-store.js';
import { SoftMeasureRow } from '../soft-measures/soft-measure.entity.js';
import { CasesInit1764600000000 } from './1764600000000-cases-init.js';
import { evidenceStoreMigration } from './1764700000000-evidence-store.js';

export const CASES_ENTITIES = [CaseRow, EvidenceRow, SoftMeasureRow];

/** The migrations in order; the evidence backfill writes into the store the service will use. */
export function casesMigrations(store: EvidenceStore) {
  return [CasesInit1764600000000, evidenceStoreMigration(store), InboxAttempts1766500000000];
}
