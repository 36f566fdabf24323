import { Injectable } from '@nestjs/common';
import { CASE_EVENTS, type CommandMessage, type EvidenceMetaDto } from '#libs/contracts';
import { NotFoundError } from '#libs/domain';
import { CasesConfig } from '../cases.config.js';
import { assertReadable, instantOf, isUuid } from '../cases/case-access.js';
import { CaseChanges } from '../cases/case-changes.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { ChunkedUpload } from '#libs/contracts';
import { ChunkedTransfers, Clock } from '#libs/service-kit';
import { checkIntegrity, sha256Of } from './evidence-integrity.js';
import { EvidenceStore } from './evidence-store.js';
import type { CustodyEntry } from './evidence.entity.js';
import { EvidenceRepository } from './evidence.repository.js';

export interface AddEvidence extends EvidenceMetaDto {
  /** The case. */
  id: string;
  /** The file, sent before in `cases.upload_part` parts; its upload id becomes the evidence id. */
  upload: ChunkedUpload;
  fileName: string;
  mimeType: string;
}

/**
 * 电子数据: the SHA-256 recorded with the metadata, the bytes in the EvidenceStore under it; every
 * read re-hashes what the store returns, logs the check in the custody log and flags a mismatch
 * (or missing bytes) instead of serving them as genuine.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly store: EvidenceStore,
    private readonly transfers: ChunkedTransfers,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly clock: Clock,
    private readonly config: CasesConfig,
  ) {}

  async add(msg: CommandMessage<AddEvidence>): Promise<{ id: string; sha256: string; size: number }> {
    const d = msg.data;
    let stored: { id: string; sha256: string; size: number } | undefined;
    await this.changes.apply(msg, 'add_evidence', async (row, { now, manager, actor }) => {
      const capturedAt = instantOf(d.capturedAt, 'capturedAt', now);
      const content = await this.transfers.assemble(manager, actor.username, d.upload, this.config.EVIDENCE_MAX_BYTES);
      const sha256 = sha256Of(content);
      const id = d.upload.uploadId;
      // Bytes first: a row committed without its file would be evidence lost; a file without a row is only a spare copy.
      await this.store.put(sha256, content);
      await this.evidence.insert(manager, {
        id,
        caseId: row.id,
        type: d.type,
        sourceUrl: d.sourceUrl ?? null,
        capturedAt,
        method: d.method,
        capturedBy: actor.username,
        fileName: d.fileName,
        mimeType: d.mimeType,
        size: content.length,
        sha256,
        custody: [{ action: 'captured', by: actor.username, at: now.toISOString(), sha256 }],
      });
      stored = { id, sha256, size: content.length };
      const payload = { evidenceId: id, type: d.type, sha256, size: content.length, capturedAt: capturedAt.toISOString(), capturedBy: actor.username };
      return [{ type: CASE_EVENTS.evidenceAdded, payload }];
    });
    return stored!;
  }

  async get(msg: CommandMessage<{ caseId: string; evidenceId: string }>) {
    const { caseId, evidenceId } = msg.data;
    assertReadable(await this.cases.find(caseId), msg.actor, caseId);
    const row = isUuid(evidenceId) ? await this.evidence.find(caseId, evidenceId) : null;
    if (!row) throw new NotFoundError('证据', evidenceId);
    const { actualSha256, integrity } = checkIntegrity(row.sha256, await this.store.get(row.sha256));
    const verified = integrity === 'ok';
    const action = verified ? ('verified' as const) : integrity;
    const entry: CustodyEntry = { action, by: msg.actor.username, at: this.clock.now().toISOString(), ...(actualSha256 ? { sha256: actualSha256 } : {}) };
    await this.evidence.appendCustody(row.id, entry);
    return {
      id: row.id,
      caseId: row.caseId,
      type: row.type,
      sourceUrl: row.sourceUrl,
      capturedAt: row.capturedAt.toISOString(),
      capturedBy: row.capturedBy,
      method: row.method,
      fileName: row.fileName,
      mimeType: row.mimeType,
      size: row.size,
      sha256: row.sha256,
      actualSha256,
      verified,
      integrity,
      custody: [...row.custody, entry],
    };
  }
}
