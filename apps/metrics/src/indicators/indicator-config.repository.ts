import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Comparator, IndicatorCode, IndicatorSettings } from '#libs/domain';
import { IndicatorConfigRow } from './indicator-config.entity.js';

export interface StoredSettings extends IndicatorSettings {
  updatedBy: string;
  updatedAt: string;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function toStored(r: IndicatorConfigRow): StoredSettings {
  return {
    threshold: num(r.threshold),
    comparator: r.comparator as Comparator,
    minimumSample: r.minimumSample,
    nationalRate: num(r.nationalRate),
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

@Injectable()
export class IndicatorConfigRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<Map<IndicatorCode, StoredSettings>> {
    const rows = await this.dataSource.getRepository(IndicatorConfigRow).find();
    return new Map(rows.map((r) => [r.code as IndicatorCode, toStored(r)]));
  }

  /**
   * The settings of `code` as they are before a change, read in the change's transaction after
   * a lock on the code: two admins changing it at once are serialised, so each change event's
   * `before` is what the other left (a row lock would not cover a code never configured).
   */
  async beforeChange(manager: EntityManager, code: IndicatorCode): Promise<StoredSettings | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('indicator_config:' || $1))`, [code]);
    const row = await manager.getRepository(IndicatorConfigRow).findOneBy({ code });
    return row ? toStored(row) : undefined;
  }

  async save(manager: EntityManager, code: IndicatorCode, settings: IndicatorSettings, by: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO indicator_config (code, threshold, comparator, minimum_sample, national_rate, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET threshold = EXCLUDED.threshold, comparator = EXCLUDED.comparator,
         minimum_sample = EXCLUDED.minimum_sample, national_rate = EXCLUDED.national_rate,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [code, settings.threshold, settings.comparator, settings.minimumSample, settings.nationalRate, by, at],
    );
  }
}
