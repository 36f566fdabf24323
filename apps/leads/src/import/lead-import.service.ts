import { Injectable } from '@nestjs/common';
import { localDateOf } from '#libs/clock';
import type { CommandMessage, ExportLeadsQueryDto, ImportLeadsCommand, ImportLeadsReport, ImportRowReport } from '#libs/contracts';
import { LEAD_IMPORT_COLUMNS, ValidationError, parseImportRow, type LeadImportColumn, type RawImportRow } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { LeadsConfig } from '../leads.config.js';
import { LeadIntakeService } from '../leads/lead-intake.service.js';
import { LeadQueriesService } from '../leads/lead-queries.service.js';
import { LeadsRepository } from '../leads/leads.repository.js';
import { readSheet, writeXlsx } from './lead-sheet.js';

const EXPORT_EXTRA = ['status', 'dueDate', 'outcome', 'decidedAt', 'onTime'] as const;

/** Bulk intake of the national platform's distributed monitoring items, and the export of their results. */
@Injectable()
export class LeadImportService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly intakes: LeadIntakeService,
    private readonly queries: LeadQueriesService,
    private readonly config: LeadsConfig,
    private readonly clock: Clock,
  ) {}

  async import({ actor, data, requestId }: CommandMessage<ImportLeadsCommand>): Promise<ImportLeadsReport> {
    const bytes = Buffer.from(data.contentBase64 ?? '', 'base64');
    if (bytes.length === 0) throw ValidationError.field('file', 'isNotEmpty', 'file：文件为空');
    if (bytes.length > this.config.LEAD_IMPORT_MAX_BYTES) throw ValidationError.field('file', 'maxSize', 'file：文件超过 10 MB');
    const [header, ...rows] = await readSheet(data.filename ?? '', bytes);
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
    const report: ImportLeadsReport = { imported: 0, duplicates: 0, rejected: 0, rows: [], errors: [] };
    const seen = new Set<string>();
    for (const { row, values } of rows) {
      const raw: RawImportRow = {};
      columns.forEach((column: LeadImportColumn | undefined, i) => {
        if (column) raw[column] = values[i] ?? '';
      });
      const { item, problems } = parseImportRow(raw, row, now);
      if (!item) {
        report.rejected++;
        report.errors.push(...problems);
        report.rows.push({ row, ...(raw.platformItemId ? { itemId: raw.platformItemId } : {}), status: 'rejected', errors: problems.map(({ field, code, message }) => ({ field, code, message })) });
        continue;
      }
      const entry: ImportRowReport = { row, itemId: item.platformItemId, status: 'duplicate' };
      if (!seen.has(item.platformItemId)) {
        seen.add(item.platformItemId);
        try {
          // One transaction per row: a bad row never undoes the good ones, and a re-import finds each item.
          const { row: lead, created } = await this.repo.transaction((m) =>
            this.intakes.intake(
              m,
              actor,
              {
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
              requestId,
            ),
          );
          entry.leadId = lead.id;
          entry.status = created ? 'imported' : 'duplicate';
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const errors = error.details.map((d) => ({ field: d.field, code: d.code, message: d.message }));
          report.errors.push(...errors.map((e) => ({ row, ...e })));
          Object.assign(entry, { status: 'rejected', errors });
        }
      }
      report[entry.status === 'imported' ? 'imported' : entry.status === 'duplicate' ? 'duplicates' : 'rejected']++;
      report.rows.push(entry);
    }
    return report;
  }

  /** The same columns as the import, plus the verification result of each item. */
  async export({ actor, data }: CommandMessage<ExportLeadsQueryDto>): Promise<{ filename: string; contentBase64: string }> {
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
    return { filename: `leads-${data.from}-${data.to}.xlsx`, contentBase64: buffer.toString('base64') };
  }
}
