import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { DUPLICATE_WINDOW_DAYS, OPEN_LEAD_STATUSES, type LeadChannel, type LeadStatus } from '#libs/domain';
import { LeadPauseRow } from './lead-pause.entity.js';
import { LeadRow, type LeadSourceKind } from './lead.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LeadListFilter {
  visibleBureaus: string[];
  status?: LeadStatus;
  channel?: LeadChannel;
  overdue?: boolean;
  dueBefore?: string;
  assignee?: string;
  today: string;
  page: number;
  pageSize: number;
}

/** The only place that touches the leads tables. */
@Injectable()
export class LeadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Reads outside any transaction (each statement on its own pooled connection). */
  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  /** A malformed id is simply unknown (404), never a database error. */
  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<LeadRow | null> {
    return UUID.test(id) ? manager.findOne(LeadRow, { where: { id } }) : null;
  }

  /** Row-locks the lead for the rest of the transaction, so two writers never both pass a state check. */
  async findForUpdate(manager: EntityManager, id: string): Promise<LeadRow | null> {
    if (!UUID.test(id)) return null;
    return manager.getRepository(LeadRow).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
  }

  findBySource(manager: EntityManager, kind: LeadSourceKind, ref: string): Promise<LeadRow | null> {
    return manager.findOne(LeadRow, { where: { sourceKind: kind, sourceRef: ref } });
  }

  /** The lead id of each of these source ids already stored (a re-import needs no more than the id). */
  async leadIdsBySource(manager: EntityManager, kind: LeadSourceKind, refs: string[]): Promise<Map<string, string>> {
    if (refs.length === 0) return new Map();
    // One index probe per id: with `= ANY` on a table an import has just grown (no statistics
    // yet) the planner scanned every lead of the kind, once per batch.
    const rows: { source_ref: string; id: string }[] = await manager.query(
      `SELECT l.source_ref, l.id
         FROM unnest($2::text[]) AS r(ref)
         CROSS JOIN LATERAL (SELECT source_ref, id FROM leads WHERE source_kind = $1 AND source_ref = r.ref OFFSET 0) AS l`,
      [kind, refs],
    );
    return new Map(rows.map((r) => [r.source_ref, r.id]));
  }

  /**
   * Inserts the rows in one statement whatever their number (one JSON parameter, not one
   * parameter per column and row), skipping source ids already stored; returns how many went in.
   */
  async insertLeads(manager: EntityManager, rows: LeadRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const columns = insertedColumns(manager);
    // A key left out reads as NULL: most of an imported lead's columns are empty, and the JSON
    // is built, sent and parsed once per row.
    const records = rows.map((row) => {
      const record: Record<string, unknown> = {};
      for (const { property, column } of columns) if (row[property] != null) record[column] = row[property];
      return record;
    });
    const names = columns.map((c) => `"${c.column}"`).join(', ');
    const inserted: unknown[] = await manager.query(
      `INSERT INTO leads (${names}) SELECT ${names} FROM json_populate_recordset(NULL::leads, $1::json) ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(records)],
    );
    return inserted.length;
  }

  /**
   * Every stored lead that findDuplicate could pick for one of these rows (same bureau, subject
   * and fingerprint, not merged away, received within the window of the rows' span), in one query.
   */
  async duplicateCandidates(manager: EntityManager, rows: Pick<LeadRow, 'bureau' | 'subjectKey' | 'fingerprint' | 'receivedAt'>[]): Promise<Pick<LeadRow, 'id' | 'bureau' | 'subjectKey' | 'fingerprint' | 'receivedAt'>[]> {
    if (rows.length === 0) return [];
    const times = rows.map((r) => r.receivedAt.getTime());
    const found: { id: string; bureau: string; subject_key: string; fingerprint: string; received_at: Date }[] = await manager.query(
      // One probe of leads_duplicate_idx per key (LATERAL … OFFSET 0), whatever the statistics say.
      `SELECT l.id, l.bureau, l.subject_key, l.fingerprint, l.received_at
         FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[])) AS k (bureau, subject_key, fingerprint)
         CROSS JOIN LATERAL (
           SELECT id, bureau, subject_key, fingerprint, received_at FROM leads
            WHERE bureau = k.bureau AND subject_key = k.subject_key AND fingerprint = k.fingerprint
              AND received_at BETWEEN $4::timestamptz - make_interval(days => $6) AND $5::timestamptz + make_interval(days => $6)
              AND (outcome IS NULL OR outcome <> 'merge')
           OFFSET 0) AS l`,
      [
        rows.map((r) => r.bureau),
        rows.map((r) => r.subjectKey),
        rows.map((r) => r.fingerprint),
        new Date(Math.min(...times)).toISOString(),
        new Date(Math.max(...times)).toISOString(),
        DUPLICATE_WINDOW_DAYS + 1,
      ],
    );
    return found.map((f) => ({ id: f.id, bureau: f.bureau, subjectKey: f.subject_key, fingerprint: f.fingerprint, receivedAt: new Date(f.received_at) }));
  }

  /** Inserts unless the source id is already known (concurrent intake); returns false on that conflict. */
  async insertLead(manager: EntityManager, row: LeadRow): Promise<boolean> {
    return (await this.insertLeads(manager, [row])) === 1;
  }

  saveLead(manager: EntityManager, row: LeadRow): Promise<LeadRow> {
    return manager.save(LeadRow, row);
  }

  /**
   * The earliest lead of the same bureau on the same subject with the same fingerprint within
   * 30 days either side (back-dated intake included); merged leads point to their survivor instead.
   */
  async findDuplicateId(manager: EntityManager, row: Pick<LeadRow, 'id' | 'bureau' | 'subjectKey' | 'fingerprint' | 'receivedAt'>): Promise<string | null> {
    // Plain SQL: the query builder and entity hydration cost more CPU than the rest of an intake's reads.
    const [found]: { id: string }[] = await manager.query(
      `SELECT id FROM leads
        WHERE bureau = $1 AND subject_key = $2 AND fingerprint = $3 AND id <> $4
          AND received_at BETWEEN $5::timestamptz - make_interval(days => $6) AND $5::timestamptz + make_interval(days => $6)
          AND (outcome IS NULL OR outcome <> 'merge')
        ORDER BY received_at, id
        LIMIT 1`,
      [row.bureau, row.subjectKey, row.fingerprint, row.id, row.receivedAt.toISOString(), DUPLICATE_WINDOW_DAYS + 1],
    );
    return found?.id ?? null;
  }

  pausesOf(leadId: string, manager: EntityManager = this.dataSource.manager): Promise<LeadPauseRow[]> {
    return manager.find(LeadPauseRow, { where: { leadId }, order: { startedAt: 'ASC' } });
  }

  async pausesOfMany(leadIds: string[]): Promise<Map<string, LeadPauseRow[]>> {
    const out = new Map<string, LeadPauseRow[]>(leadIds.map((id) => [id, []]));
    if (leadIds.length === 0) return out;
    const rows = await this.dataSource.manager.find(LeadPauseRow, { where: { leadId: In(leadIds) }, order: { startedAt: 'ASC' } });
    for (const p of rows) out.get(p.leadId)?.push(p);
    return out;
  }

  openPause(manager: EntityManager, leadId: string): Promise<LeadPauseRow | null> {
    return manager.findOne(LeadPauseRow, { where: { leadId, endedAt: IsNull() } });
  }

  savePause(manager: EntityManager, pause: LeadPauseRow): Promise<LeadPauseRow> {
    return manager.save(LeadPauseRow, pause);
  }

  async list(filter: LeadListFilter): Promise<{ rows: LeadRow[]; total: number }> {
    const qb = this.visible(filter.visibleBureaus);
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('l.channel = :channel', { channel: filter.channel });
    if (filter.dueBefore) qb.andWhere('l.due_date <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.assignee) qb.andWhere('l.assignee = :assignee', { assignee: filter.assignee });
    if (filter.overdue !== undefined) {
      const overdue = this.overdueSql();
      qb.andWhere(filter.overdue ? overdue : `NOT (${overdue})`, { today: filter.today });
    }
    const [rows, total] = await qb
      .orderBy('l.due_date', 'ASC')
      .addOrderBy('l.received_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /** Open leads owned by the actor's bureaus, earliest due first (the work queue). */
  openLeads(visibleBureaus: string[], limit: number, assignee?: string): Promise<LeadRow[]> {
    const qb = this.dataSource.manager
      .getRepository(LeadRow)
      .createQueryBuilder('l')
      .where('l.bureau IN (:...visible)', { visible: visibleBureaus.length ? visibleBureaus : [''] })
      .andWhere('l.status IN (:...open)', { open: OPEN_LEAD_STATUSES });
    if (assignee) qb.andWhere('l.assignee = :assignee', { assignee });
    return qb
      .orderBy('l.due_date', 'ASC')
      .addOrderBy('l.received_at', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Platform monitoring items received in [from, to] (local dates), for the verification export. */
  platformItems(visibleBureaus: string[], from: string, to: string): Promise<LeadRow[]> {
    return this.visible(visibleBureaus)
      .andWhere("l.channel = 'platform_monitoring'")
      .andWhere('l.received_date BETWEEN :from AND :to', { from, to })
      .orderBy('l.received_at', 'ASC')
      .getMany();
  }

  private visible(visibleBureaus: string[]): SelectQueryBuilder<LeadRow> {
    const visible = visibleBureaus.length ? visibleBureaus : [''];
    return this.dataSource.manager
      .getRepository(LeadRow)
      .createQueryBuilder('l')
      .where(new Brackets((b) => b.where('l.bureau IN (:...visible)', { visible }).orWhere('l.sender_bureau IN (:...visible)', { visible })));
  }

  /**
   * Overdue while open. A pause that began on or before the statutory due date keeps moving it, so
   * such a lead is late only past the external (superior/platform) date, which no pause moves.
   */
  private overdueSql(): string {
    return `(
      (l.status IN ('received','verifying') AND l.due_date < :today)
      OR (l.status = 'paused' AND (
        l.external_due_date < :today
        OR EXISTS (SELECT 1 FROM lead_pauses p WHERE p.lead_id = l.id AND p.ended_at IS NULL
                   AND (p.started_at AT TIME ZONE 'Asia/Shanghai')::date > l.statutory_due_date
                   AND l.statutory_due_date < :today)))
    )`;
  }
}

/** The entity's columns the application writes (the timestamps are the database's defaults). */
function insertedColumns(manager: EntityManager): { property: keyof LeadRow; column: string }[] {
  return manager.connection
    .getMetadata(LeadRow)
    .columns.filter((c) => !c.isCreateDate && !c.isUpdateDate)
    .map((c) => ({ property: c.propertyName as keyof LeadRow, column: c.databaseName }));
}
