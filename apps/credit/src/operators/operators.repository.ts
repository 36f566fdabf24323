import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, type EntityManager } from 'typeorm';
import type { Grade } from '#libs/domain';
import { OperatorRow } from './operator.entity.js';

export interface OperatorFilter {
  visibleBureaus: string[];
  bureau?: string;
  grade?: Grade;
  q?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class OperatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(uscc: string, m: EntityManager = this.dataSource.manager): Promise<OperatorRow | null> {
    return m.getRepository(OperatorRow).findOneBy({ uscc });
  }

  async findMany(m: EntityManager, usccs: string[]): Promise<Map<string, OperatorRow>> {
    const rows = usccs.length > 0 ? await m.getRepository(OperatorRow).findBy({ uscc: In(usccs) }) : [];
    return new Map(rows.map((r) => [r.uscc, r]));
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(OperatorRow).count();
  }

  /** Operators under a bureau's jurisdiction: registered domicile or place of business in `bureaus`. */
  inJurisdiction(m: EntityManager, bureaus: string[]): Promise<OperatorRow[]> {
    return m
      .getRepository(OperatorRow)
      .createQueryBuilder('o')
      .where('(o.domicile_bureau = ANY(:bureaus) OR o.business_bureau = ANY(:bureaus))', { bureaus })
      .orderBy('o.uscc')
      .getMany();
  }

  /** A page of visible operators; the grade filter reads the last announced grade. */
  async list(filter: OperatorFilter): Promise<{ items: OperatorRow[]; total: number }> {
    const qb = this.dataSource
      .getRepository(OperatorRow)
      .createQueryBuilder('o')
      .where('(o.domicile_bureau = ANY(:v) OR o.business_bureau = ANY(:v) OR o.first_seen_bureau = ANY(:v))', { v: filter.visibleBureaus });
    if (filter.bureau) {
      qb.andWhere(
        new Brackets((w) => w.where('o.domicile_bureau = :b').orWhere('o.business_bureau = :b').orWhere('o.first_seen_bureau = :b')),
        { b: filter.bureau },
      );
    }
    if (filter.grade) qb.andWhere('EXISTS (SELECT 1 FROM operator_grades g WHERE g.uscc = o.uscc AND g.grade = :grade)', { grade: filter.grade });
    if (filter.q) {
      qb.andWhere(new Brackets((w) => w.where('o.name ILIKE :q').orWhere('o.uscc LIKE :prefix')), {
        q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        prefix: `${filter.q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const [items, total] = await qb
      .orderBy('o.uscc')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
