import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { localDateOf } from '#libs/clock';
import type { Actor, ChunkedReply, CommandMessage, ExportLeadsQueryDto, ExportLeadsReply, ImportLeadsCommand, ImportLeadsReport, ImportRowReport } from '#libs/contracts';
import { LEAD_IMPORT_COLUMNS, ValidationError, parseImportRow, type LeadImportColumn, type RawImportRow } from '#libs/domain';
import { ChunkedTransfers, Clock } from '#libs/service-kit';
import { LeadsConfig } from '../leads.config.js';
import { DuplicateIndex, LeadIntakeService, SourceRaceError, type IntakeOutcome, type PreparedIntakes, type SourcedLeadIntake } from '../leads/lead-intake.service.js';
import { LeadQueriesService } from '../leads/lead-queries.service.js';
import { LeadsRepository } from '../leads/leads.repository.js';
import { readSheet, writeXlsx } from './lead-sheet.js';

const EXPORT_EXTRA = ['status', 'dueDate', 'outcome', 'decidedAt', 'onTime'] as const;

/** Rows per transaction: a fixed number of statements whatever the size, so larger batches mean fewer commits; a crash costs at most this many rows of work, which a re-import redoes. */
const ROWS_PER_TRANSACTION = 2_000;
/** Batches written at once: the database works on one while the service prepares the next. */
const WRITES_IN_FLIGHT = 2;
/** A batch that lost a race on a source id is run again (the winner's lead is then found). */
const RACE_RETRIES = 3;


interface PendingRow {
  entry: ImportRowReport;
  intake: SourcedLeadIntake;
}

/** Bulk intake of the national platform's distributed monitoring items, and the export of their results. */
@Injectable()
export class LeadImportService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly intakes: LeadIntakeService,
    private readonly queries: LeadQueriesService,
    private readonly transfers: ChunkedTransfers,
    private readonly config: LeadsConfig,
    private readonly clock: Clock,
  ) {}

  /** The per-row report, as JSON bytes handed over like a file (a large import's report exceeds one message). */
  async import({ actor, data, requestId }: CommandMessage<ImportLeadsCommand>): Promise<ChunkedReply> {
    const bytes = await this.repo.transaction((m) => this.transfers.assemble(m, actor.username, data.upload, this.config.LEAD_IMPORT_MAX_BYTES));
    const report = await this.importSheet(actor, data.filename ?? '', bytes, requestId);
    return this.transfers.offer(actor.username, Buffer.from(JSON.stringify(report)));
  }

  private async importSheet(actor: Actor, filename: string, bytes: Buffer, requestId: string): Promise<ImportLeadsReport> {
    const [header, ...rows] = await readSheet(filename, bytes);
    const columns = (header?.values ?? []).map((h) => LEAD_IMPORT_COLUMNS.find((c) => c.toLowerCase() === h.trim().toLowerCase()));
    const missing = (['platformItemId', 'title', 'receivedAt'] as const).filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      throw new ValidationError(
        'VALIDATION_FAILED',
        `file：表头缺少列 ${missing.join('、')}`,
        missing.map((c) => ({ field: c, code: 'missingColumn', message: `file：表头缺少列 ${c}` })),
      );
    }
    const now = this.clock.now();
    const entries: ImportRowReport[] = [];
    const pending: PendingRow[] = [];
    const seen = new Set<string>();
    for (const { row, values } of rows) {
      const raw: RawImportRow = {};
      columns.forEach((column: LeadImportColumn | undefined, i) => {
        if (column) raw[column] = values[i] ?? '';
      });
      const { item, problems } = parseImportRow(raw, row, now);
      if (!item) {
        entries.push({ row, ...(raw.platformItemId ? { itemId: raw.platformItemId } : {}), status: 'rejected', errors: problems.map(({ field, code, message }) => ({ field, code, message })) });
        continue;
      }
      // The same item twice in one file: the first one counts.
      const entry: ImportRowReport = { row, itemId: item.platformItemId, status: 'duplicate' };
      entries.push(entry);
      if (seen.has(item.platformItemId)) continue;
      seen.add(item.platformItemId);
      pending.push({
        entry,
        intake: {
          bureau: actor.bureau,
          assignee: actor.username,
          channel: 'platform_monitoring',
          online: true,
          receivedAt: item.receivedAt,
          title: item.title,
          ...(item.description ? { description: item.description } : {}),
          subject: item.subject,
          ...(item.platformDueDate ? { platformDueDate: item.platformDueDate } : {}),
          source: { kind: 'platform_item', ref: item.platformItemId },
        },
      });
    }
    const batches: PendingRow[][] = [];
    for (let i = 0; i < pending.length; i += ROWS_PER_TRANSACTION) batches.push(pending.slice(i, i + ROWS_PER_TRANSACTION));
    await this.importBatches(actor, batches, requestId);
    return summarise(entries);
  }

  /**
   * A batch is prepared (lookups, validation, clocks, events) while the ones before are being
   * written, up to WRITES_IN_FLIGHT transactions at once. A lead flagged as the duplicate of
   * one in a batch still in flight waits in its foreign-key check for that batch to commit, and
   * fails when it rolled back. A batch that lost a race or that failure is run again in turn.
   */
  private async importBatches(actor: Actor, batches: PendingRow[][], requestId: string): Promise<void> {
    const earlier = new DuplicateIndex();
    const writes: Promise<WriteResult>[] = [];
    for (let k = 0; k < batches.length; k++) {
      const prepared = await this.intakes.prepareMany(this.repo.reader, actor, batches[k]!.map((p) => p.intake), requestId, earlier);
      if (k >= WRITES_IN_FLIGHT) await stored(writes[k - WRITES_IN_FLIGHT]!);
      writes.push(this.write(batches[k]!, prepared));
    }
    const results = await Promise.all(writes);
    const failure = results.find((r) => r.error !== undefined);
    if (failure) throw failure.error;
    await this.importBatchesInTurn(actor, batches.filter((_, k) => !results[k]!.stored), requestId);
  }

  /** Never rejects, so nothing is left unhandled while the next batch is prepared (see `stored`). */
  private write(batch: PendingRow[], prepared: PreparedIntakes): Promise<WriteResult> {
    const storing = prepared.rows.length === 0 ? Promise.resolve() : this.repo.transaction((m) => this.intakes.storeMany(m, prepared));
    return storing.then(
      (): WriteResult => {
        report(batch, prepared.outcomes);
        return { stored: true };
      },
      (error: unknown): WriteResult => (error instanceof SourceRaceError || isForeignKeyViolation(error) ? { stored: false } : { stored: false, error }),
    );
  }

  private async importBatchesInTurn(actor: Actor, batches: PendingRow[][], requestId: string): Promise<void> {
    for (const batch of batches) await this.importBatch(actor, batch, requestId);
  }

  /** One transaction per batch: a re-import finds each item by its id, and a crash loses no committed batch. */
  private async importBatch(actor: Actor, batch: PendingRow[], requestId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        report(batch, await this.repo.transaction((m) => this.intakes.intakeMany(m, actor, batch.map((p) => p.intake), requestId)));
        return;
      } catch (error) {
        if (!(error instanceof SourceRaceError) || attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  /** The same columns as the import, plus the verification result of each item. */
  async export({ actor, data }: CommandMessage<ExportLeadsQueryDto>): Promise<ExportLeadsReply> {
    if (data.to < data.from) throw ValidationError.field('to', 'beforeFrom', 'to：不能早于 from');
    const rows = await this.repo.platformItems(actor.visibleBureaus, data.from, data.to);
    const views = await this.queries.views(actor, rows);
    const body = views.map((v) => [
      v.externalRef ?? '',
      v.title,
      v.subject.uscc ?? '',
      v.subject.name ?? '',
      v.subject.platform ?? '',
      v.subject.storeUrl ?? '',
      v.receivedAt,
      v.platformDueDate ?? '',
      v.description ?? '',
      v.status,
      v.dueDate,
      v.outcome ?? '',
      v.decidedAt ? localDateOf(v.decidedAt) : '',
      v.onTime === undefined ? '' : v.onTime,
    ]);
    const buffer = await writeXlsx('核查结果', [...LEAD_IMPORT_COLUMNS, ...EXPORT_EXTRA], body);
    return { filename: `leads-${data.from}-${data.to}.xlsx`, file: await this.transfers.offer(actor.username, buffer) };
  }
}

interface WriteResult {
  stored: boolean;
  error?: unknown;
}

/** The duplicate_of target's batch was rolled back (it lost a race) while this one waited for it. */
function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503';
}

/** False when the batch lost a race on a source id; any other failure of the write is thrown here. */
async function stored(writing: Promise<WriteResult>): Promise<boolean> {
  const result = await writing;
  if (result.error !== undefined) throw result.error;
  return result.stored;
}

/** Each row's outcome into its report entry. */
function report(batch: PendingRow[], outcomes: IntakeOutcome[]): void {
  outcomes.forEach((outcome, i) => {
    const entry = batch[i]!.entry;
    if ('error' in outcome) {
      Object.assign(entry, { status: 'rejected', errors: outcome.error.details.map((d) => ({ field: d.field, code: d.code, message: d.message })) });
    } else {
      Object.assign(entry, { status: outcome.created ? 'imported' : 'duplicate', leadId: outcome.leadId });
    }
  });
}

/** Counts and the flat error list, in the file's row order. */
function summarise(rows: ImportRowReport[]): ImportLeadsReport {
  const report: ImportLeadsReport = { imported: 0, duplicates: 0, rejected: 0, rows, errors: [] };
  for (const r of rows) {
    if (r.status === 'imported') report.imported++;
    else if (r.status === 'duplicate') report.duplicates++;
    else {
      report.rejected++;
      report.errors.push(...(r.errors ?? []).map((e) => ({ row: r.row, ...e })));
    }
  }
  return report;
}
