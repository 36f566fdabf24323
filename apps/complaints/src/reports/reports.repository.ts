import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReportRow } from './report.entity.js';

@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, row: ReportRow): Promise<void> {
    await manager.getRepository(ReportRow).insert(row);
  }
}
