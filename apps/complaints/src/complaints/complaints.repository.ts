import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OPEN_COMPLAINT_STATUSES, type ComplaintStatus } from '#libs/domain';
import { PiiReadRow } from '../pii/pii-read.entity.js';
import { ComplaintRow } from './complaint.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListFilter {
  /** The actor's bureau subtree: owned records plus those it forwarded away. */
  visibleBureaus: string[];
  status?: ComplaintStatus;
  /** Open records whose running deadline is before this date. */
  overdueBefore?: string;
  offset: number;
  limit: number;
}

export interface QueueFilter {
  bureaus: string[];
  /** Only this handler's records plus the unassigned ones of `ownBureau`. */
  handler?: { username: string; ownBureau: string };
  dueBy: string;
}

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async lockById(manager: EntityManager, id: string): Promise<ComplaintRow | null> {
    if (!UUID.test(id)) return null;
    return manager.getRepository(ComplaintRow).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findById(id: string): Promise<ComplaintRow | null> {
    if (!UUID.test(id)) return null;
    return this.dataSource.getRepository(ComplaintRow).findOneBy({ id });
  }

  async insert(manager: EntityManager, row: ComplaintRow): Promise<void> {
    await manager.getRepository(ComplaintRow).insert(row);
  }

  async save(manager: EntityManager, row: ComplaintRow): Promise<void> {
    await manager.getRepository(ComplaintRow).save(row);
  }

  async list(filter: ListFilter): Promise<{ rows: ComplaintRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(ComplaintRow)
      .createQueryBuilder('c')
      .where('(c.bureau = ANY(:visible) OR c.previous_bureaus && :visible::text[])', { visible: filter.visibleBureaus });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.overdueBefore) {
      qb.andWhere('c.status = ANY(:open) AND c.current_due_date < :before', { open: OPEN_COMPLAINT_STATUSES, before: filter.overdueBefore });
    }
    const [rows, total] = await qb.orderBy('c.received_at', 'DESC').addOrderBy('c.id').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { rows, total };
  }

  /** Open records (a running pause stops the clock, so paused ones are left out) due by `dueBy`. */
  async queue(filter: QueueFilter): Promise<ComplaintRow[]> {
    const qb = this.dataSource
      .getRepository(ComplaintRow)
      .createQueryBuilder('c')
      .where('c.bureau = ANY(:bureaus)', { bureaus: filter.bureaus })
      .andWhere('c.status = ANY(:open)', { open: OPEN_COMPLAINT_STATUSES })
      .andWhere('c.current_due_date <= :dueBy', { dueBy: filter.dueBy });
    if (filter.handler) {
      qb.andWhere('(c.handler = :handler OR (c.handler IS NULL AND c.bureau = :own))', {
        handler: filter.handler.username,
        own: filter.handler.ownBureau,
      });
    }
    return qb.orderBy('c.current_due_date', 'ASC').addOrderBy('c.received_at', 'ASC').take(500).getMany();
  }

  async recordPiiRead(read: Omit<PiiReadRow, 'id'>): Promise<void> {
    await this.dataSource.getRepository(PiiReadRow).insert(read);
  }

  piiReads(complaintId: string): Promise<PiiReadRow[]> {
    return this.dataSource.getRepository(PiiReadRow).find({ where: { complaintId }, order: { readAt: 'DESC', id: 'DESC' } });
  }

  async countByDemo(): Promise<{ demo: number; real: number }> {
    const rows = (await this.dataSource.query('SELECT demo, count(*)::int AS n FROM complaints GROUP BY demo')) as { demo: boolean; n: number }[];
    return { demo: rows.find((r) => r.demo)?.n ?? 0, real: rows.find((r) => !r.demo)?.n ?? 0 };
  }
}
