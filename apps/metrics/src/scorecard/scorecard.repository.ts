import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScorecardEntry } from '#libs/domain';
import { ScorecardEntryRow } from './scorecard-entry.entity.js';

@Injectable()
export class ScorecardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async entries(bureau: string, year: number): Promise<Map<string, ScorecardEntry>> {
    const rows = await this.dataSource.getRepository(ScorecardEntryRow).find({ where: { bureau, year } });
    return new Map(
      rows.map((r) => [r.code, { code: r.code, score: Number(r.score), source: r.source, evidence: r.evidence, enteredBy: r.enteredBy, enteredAt: r.enteredAt.toISOString() }]),
    );
  }

  async save(manager: EntityManager, bureau: string, year: number, entry: ScorecardEntry): Promise<void> {
    await manager.query(
      `INSERT INTO scorecard_entries (bureau, year, code, score, source, evidence, entered_by, entered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (bureau, year, code) DO UPDATE SET score = EXCLUDED.score, source = EXCLUDED.source,
         evidence = EXCLUDED.evidence, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at`,
      [bureau, year, entry.code, entry.score, entry.source, entry.evidence ?? null, entry.enteredBy, entry.enteredAt],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
