import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { validate as isUuid } from 'uuid';
import { emptyGradingRecord, type GradingRecord } from '#libs/domain';
import { ComplaintFactRow, CreditRecordRow, CreditRepairRow, ListEntryRow, OperatorGradeRow } from './record.entities.js';

const UNSETTLED = ['failed', 'unreachable'];

/** Reads and writes of the credit record; always through the caller's manager (transaction or not). */
@Injectable()
export class RecordRepository {
  records(m: EntityManager, uscc: string): Promise<CreditRecordRow[]> {
    return m.getRepository(CreditRecordRow).find({ where: { uscc }, order: { date: 'ASC', id: 'ASC' } });
  }

  record(m: EntityManager, id: string): Promise<CreditRecordRow | null> {
    return m.getRepository(CreditRecordRow).findOneBy({ id });
  }

  async recordsById(m: EntityManager, ids: string[]): Promise<Map<string, CreditRecordRow>> {
    const rows = ids.length > 0 ? await m.getRepository(CreditRecordRow).findBy({ id: In(ids) }) : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  recordBySource(m: EntityManager, sourceKey: string): Promise<CreditRecordRow | null> {
    return m.getRepository(CreditRecordRow).findOneBy({ sourceKey });
  }

  listEntries(m: EntityManager, uscc: string): Promise<ListEntryRow[]> {
    return m.getRepository(ListEntryRow).find({ where: { uscc }, order: { enteredDate: 'ASC', id: 'ASC' } });
  }

  // An id from the URL that is no uuid names nothing (and PostgreSQL would refuse to compare it).
  async listEntry(m: EntityManager, id: string): Promise<ListEntryRow | null> {
    return isUuid(id) ? m.getRepository(ListEntryRow).findOneBy({ id }) : null;
  }

  complaints(m: EntityManager, uscc: string): Promise<ComplaintFactRow[]> {
    return m.getRepository(ComplaintFactRow).find({ where: { uscc }, order: { receivedDate: 'ASC', complaintId: 'ASC' } });
  }

  /** Keeps the latest state of a complaint; later snapshots overwrite earlier ones. */
  async upsertComplaint(m: EntityManager, fact: ComplaintFactRow): Promise<void> {
    await m.getRepository(ComplaintFactRow).upsert(fact, ['complaintId']);
  }

  repairs(m: EntityManager, uscc: string): Promise<CreditRepairRow[]> {
    return m.getRepository(CreditRepairRow).find({ where: { uscc }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  async repair(m: EntityManager, id: string): Promise<CreditRepairRow | null> {
    return isUuid(id) ? m.getRepository(CreditRepairRow).findOneBy({ id }) : null;
  }

  /**
   * The last announced grades, locked until the transaction ends, in uscc order (one order for
   * every caller, so two regrades wait for each other instead of deadlocking). The lock makes a
   * regrade and a concurrent one (another event, the sweep on another replica) take turns: the
   * second reads the grade the first stored and announces no change twice.
   */
  async lockStoredGrades(m: EntityManager, usccs: string[]): Promise<Map<string, OperatorGradeRow>> {
    if (usccs.length === 0) return new Map();
    const rows = await m
      .getRepository(OperatorGradeRow)
      .createQueryBuilder('g')
      .where('g.uscc IN (:...usccs)', { usccs })
      .orderBy('g.uscc')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((r) => [r.uscc, r]));
  }

  async saveGrades(m: EntityManager, rows: OperatorGradeRow[]): Promise<void> {
    if (rows.length > 0) await m.getRepository(OperatorGradeRow).upsert(rows, ['uscc']);
  }

  /** Operators whose grade may have changed by `today` with no event, after `after` in uscc order. */
  async gradesDue(m: EntityManager, today: string, after: string, limit: number): Promise<string[]> {
    const rows = await m
      .getRepository(OperatorGradeRow)
      .createQueryBuilder('g')
      .select('g.uscc', 'uscc')
      .where('g.next_change_date <= :today AND g.uscc > :after', { today, after })
      .orderBy('g.uscc')
      .limit(limit)
      .getRawMany<{ uscc: string }>();
    return rows.map((r) => r.uscc);
  }

  /** The dated facts grading needs, for many operators in four queries. */
  async gradingRecords(m: EntityManager, usccs: string[]): Promise<Map<string, GradingRecord>> {
    const out = new Map(usccs.map((u) => [u, emptyGradingRecord()]));
    if (usccs.length === 0) return out;
    // One after another: inside a transaction the manager has a single connection, which
    // cannot run queries concurrently (pg deprecates queueing them and pg@9 refuses).
    const records = await m.getRepository(CreditRecordRow).findBy({ uscc: In(usccs) });
    const entries = await m.getRepository(ListEntryRow).findBy({ uscc: In(usccs) });
    const complaints = await m.getRepository(ComplaintFactRow).findBy({ uscc: In(usccs) });
    for (const r of records) {
      const g = out.get(r.uscc)!;
      if (r.kind === 'penalty' && r.penalty) {
        g.penalties.push({
          id: r.id,
          decidedDate: r.date,
          light: r.penalty.light,
          publicationEnd: r.penalty.publicationEnd,
          ...(r.repairedDate ? { repairedDate: r.repairedDate } : {}),
          ...(r.voidedDate ? { voidedDate: r.voidedDate } : {}),
        });
      } else if (r.kind === 'soft_measure') g.softMeasures.push({ id: r.id, date: r.date });
      else if (r.kind === 'commitment') g.commitments.push({ id: r.id, date: r.date });
      else if (r.kind === 'positive') g.positives.push({ id: r.id, date: r.date });
    }
    for (const e of entries) {
      out.get(e.uscc)!.listEntries.push({ id: e.id, list: e.list, category: e.category, enteredDate: e.enteredDate, ...(e.removedDate ? { removedDate: e.removedDate } : {}) });
    }
    for (const c of complaints) {
      const unsettled = c.mediationResult && UNSETTLED.includes(c.mediationResult) && c.mediationEndedDate;
      out.get(c.uscc)!.complaints.push({ id: c.complaintId, receivedDate: c.receivedDate, ...(unsettled ? { unsettledDate: c.mediationEndedDate! } : {}) });
    }
    return out;
  }
}
