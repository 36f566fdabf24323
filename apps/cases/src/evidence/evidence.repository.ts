import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EvidenceSummary } from '../cases/case-view.js';
import { EvidenceRow, type CustodyEntry } from './evidence.entity.js';

/** The only place that touches the evidence tables. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summaries(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<EvidenceSummary[]> {
    const rows = await manager.getRepository(EvidenceRow).find({ where: { caseId }, order: { capturedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      fileName: r.fileName,
      size: r.size,
      sha256: r.sha256,
      capturedAt: r.capturedAt.toISOString(),
      capturedBy: r.capturedBy,
      method: r.method,
      sourceUrl: r.sourceUrl,
    }));
  }

  async insert(manager: EntityManager, row: EvidenceRow): Promise<void> {
    await manager.getRepository(EvidenceRow).insert(row);
  }

  find(caseId: string, id: string): Promise<EvidenceRow | null> {
    return this.dataSource.getRepository(EvidenceRow).findOne({ where: { id, caseId } });
  }

  /** Appends to the custody log atomically (concurrent reads each leave their entry). */
  async appendCustody(id: string, entry: CustodyEntry): Promise<void> {
    await this.dataSource.query(`UPDATE evidence SET custody = custody || $2::jsonb WHERE id = $1`, [id, JSON.stringify([entry])]);
  }
}
