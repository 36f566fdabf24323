import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreditRepairStatus } from '#libs/contracts';
import { CreditRepairRow } from '../record/record.entities.js';

export interface RepairQueueFilter {
  visibleBureaus: string[];
  status?: CreditRepairStatus;
  page: number;
  pageSize: number;
}

/** Repair requests across operators, visible exactly as their operator is (domicile, place of business, first contact). */
@Injectable()
export class RepairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: RepairQueueFilter): Promise<{ items: CreditRepairRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CreditRepairRow)
      .createQueryBuilder('r')
      .where(
        'EXISTS (SELECT 1 FROM operators o WHERE o.uscc = r.uscc AND (o.domicile_bureau = ANY(:v) OR o.business_bureau = ANY(:v) OR o.first_seen_bureau = ANY(:v)))',
        { v: filter.visibleBureaus },
      );
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    // Pending requests are a queue (oldest waits longest, first); decided ones are history (newest first).
    const direction = filter.status === 'pending' ? 'ASC' : 'DESC';
    const [items, total] = await qb
      .orderBy('r.requestedAt', direction)
      .addOrderBy('r.id', direction)
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
