import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CASE_EVENTS, type CommandMessage, type EvidenceMetaDto } from '#libs/contracts';
import { NotFoundError, ValidationError } from '#libs/domain';
import { CasesConfig } from '../cases.config.js';
import { assertReadable, instantOf, isUuid } from '../cases/case-access.js';
import { CaseChanges } from '../cases/case-changes.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { Clock } from '#libs/service-kit';
import { EvidenceRepository } from './evidence.repository.js';

export interface EvidencePart {
  caseId: string;
  uploadId: string;
  index: number;
  dataBase64: string;
}

export interface AddEvidence extends EvidenceMetaDto {
  /** The case. */
  id: string;
  /** Also the evidence id. */
  uploadId: string;
  parts: number;
  fileName: string;
  mimeType: string;
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * 电子数据: bytes and their SHA-256 stored together; every read re-hashes the stored bytes, logs
 * the check in the custody log and flags a mismatch instead of serving altered bytes as genuine.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly cases: CasesRepository,
    private readonly changes: CaseChanges,
    private readonly clock: Clock,
    private readonly config: CasesConfig,
  ) {}

  /** NATS messages are small, so the gateway sends the file in parts first. */
  async receivePart(msg: CommandMessage<EvidencePart>): Promise<{ received: number }> {
    const { caseId, uploadId, index, dataBase64 } = msg.data;
    assertReadable(await this.cases.find(caseId), msg.actor, caseId);
    if (!isUuid(uploadId) || !Number.isInteger(index) || index < 0 || index > 1000) {
      throw ValidationError.field('file', 'INVALID_UPLOAD', 'file：上传分片无效');
    }
    const data = Buffer.from(dataBase64, 'base64');
    await this.evidence.savePart({ uploadId, index, caseId, data });
    return { received: data.length };
  }

  async add(msg: CommandMessage<AddEvidence>): Promise<{ id: string; sha256: string; size: number }> {
    const d = msg.data;
    let stored: { id: string; sha256: string; size: number } | undefined;
    await this.changes.apply(msg, 'add_evidence', async (row, { now, manager, actor }) => {
      const capturedAt = instantOf(d.capturedAt, 'capturedAt', now);
      if (!isUuid(d.uploadId)) throw ValidationError.field('file', 'INVALID_UPLOAD', 'file：上传编号无效');
      const parts = await this.evidence.takeParts(manager, d.uploadId, row.id);
      if (parts.length !== d.parts || d.parts === 0) throw ValidationError.field('file', 'UPLOAD_INCOMPLETE', 'file：文件上传不完整，请重新上传');
      const content = Buffer.concat(parts);
      if (content.length === 0) throw ValidationError.field('file', 'EMPTY_FILE', 'file：文件为空');
      if (content.length > this.config.EVIDENCE_MAX_BYTES) {
        throw ValidationError.field('file', 'FILE_TOO_LARGE', `file：文件不能超过 ${this.config.EVIDENCE_MAX_BYTES} 字节`);
      }
      const sha256 = sha256Of(content);
      const id = d.uploadId;
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
        content,
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
    const row = isUuid(evidenceId) ? await this.evidence.findWithContent(caseId, evidenceId) : null;
    if (!row) throw new NotFoundError('证据', evidenceId);
    const actualSha256 = sha256Of(row.content);
    const verified = actualSha256 === row.sha256;
    const entry = { action: verified ? ('verified' as const) : ('mismatch' as const), by: msg.actor.username, at: this.clock.now().toISOString(), sha256: actualSha256 };
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
      integrity: verified ? 'ok' : 'mismatch',
      custody: [...row.custody, entry],
    };
  }
}
