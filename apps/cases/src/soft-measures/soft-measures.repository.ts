import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SoftMeasureRow } from './soft-measure.entity.js';

@Injectable()
export class SoftMeasuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  async insert(manager: EntityManager, row: SoftMeasureRow): Promise<void> {
    await manager.getRepository(SoftMeasureRow).insert(row);
  }

  list(operatorUscc: string, visibleBureaus: string[]): Promise<SoftMeasureRow[]> {
    return this.dataSource
      .getRepository(SoftMeasureRow)
      .createQueryBuilder('m')
      .where('m.operator_uscc = :operatorUscc AND m.bureau IN (:...visibleBureaus)', { operatorUscc, visibleBureaus })
      .orderBy('m.at', 'DESC')
      .getMany();
  }
}
