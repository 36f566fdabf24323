import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseStatus } from '#libs/domain';
import { isUuid } from './case-access.js';
import { CaseRow } from './case.entity.js';

export interface CaseListFilter {
  visibleBureaus: string[];
  status?: CaseStatus;
  /** Open and past the stored due date as of `today`. */
  overdueOn?: string;
  assignee?: string;
  openOnly?: boolean;
  page: number;
  pageSize: number;
}

/** The only place that touches the `cases` table. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /** Locks the row for the rest of the transaction so concurrent changes apply one after the other. */
  lock(manager: EntityManager, id: string): Promise<CaseRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.getRepository(CaseRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<CaseRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return manager.getRepository(CaseRow).findOneBy({ id });
  }

  async save(manager: EntityManager, row: CaseRow): Promise<void> {
    await manager.getRepository(CaseRow).save(row);
  }

  /** Inserts unless a case with this id (or from this lead) exists; true when inserted. */
  async insertIfAbsent(manager: EntityManager, row: Partial<CaseRow>): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(CaseRow).values(row).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  async list(filter: CaseListFilter): Promise<{ rows: CaseRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(CaseRow)
      .createQueryBuilder('c')
      .where('(c.bureau IN (:...visible) OR c.past_bureaus && :visibleArray)', {
        visible: filter.visibleBureaus,
        visibleArray: filter.visibleBureaus,
      });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.openOnly) qb.andWhere(`c.status IN ('filed', 'paused') AND c.bureau IN (:...visible)`);
    // A running pause moves the due date on every day, so only an unpaused open case can be overdue here.
    if (filter.overdueOn) qb.andWhere(`c.status = 'filed' AND c.due_date < :today`, { today: filter.overdueOn });
    if (filter.assignee) qb.andWhere('c.assignee = :assignee', { assignee: filter.assignee });
    qb.orderBy('c.due_date', 'ASC', 'NULLS LAST').addOrderBy('c.filed_at', 'DESC').addOrderBy('c.id', 'ASC');
    qb.skip((filter.page - 1) * filter.pageSize).take(filter.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }
}
