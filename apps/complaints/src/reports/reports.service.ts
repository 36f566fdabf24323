import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { REPORT_RECEIVED, type CommandMessage, type CreateReportDto, type ReportReceivedPayload } from '#libs/contracts';
import { isValidUscc, maskName, maskPhone, normaliseUscc, ValidationError } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { requireRole } from '../complaints/access.js';
import { actionInstant } from '../complaints/instants.js';
import { PiiCipher } from '../pii/pii-cipher.js';
import { ReportRow, type ReportSubject } from './report.entity.js';
import { ReportsRepository } from './reports.repository.js';

function subjectOf(dto: CreateReportDto['subject']): ReportSubject {
  const subject = Object.fromEntries(Object.entries(dto ?? {}).filter(([, v]) => v !== undefined && v !== '')) as ReportSubject;
  if (subject.uscc !== undefined) {
    subject.uscc = normaliseUscc(subject.uscc);
    if (!isValidUscc(subject.uscc)) throw new ValidationError('INVALID_USCC', '统一社会信用代码校验位错误', [{ field: 'subject.uscc', code: 'isUscc', message: '统一社会信用代码校验位错误' }]);
  }
  if (!subject.uscc && !subject.name && !subject.storeUrl) {
    throw ValidationError.field('subject', 'isNotEmpty', 'subject：须提供统一社会信用代码，或名称/店铺网址');
  }
  return subject;
}

/**
 * 举报: recorded here and handed to the leads service through the outbox, so the hand-off
 * commits with the record and survives a stopped leads service (JetStream keeps it).
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async create(cmd: CommandMessage<CreateReportDto>, options: { demo?: boolean } = {}) {
    requireRole(cmd.actor, ['complaint_handler', 'officer', 'integration'], '登记举报');
    const dto = cmd.data;
    const now = this.clock.now();
    const receivedAt = actionInstant(dto.receivedAt, 'receivedAt', now);
    const subject = subjectOf(dto.subject);
    const row = Object.assign(new ReportRow(), {
      id: randomUUID(),
      bureau: cmd.actor.bureau,
      online: dto.online,
      receivedAt,
      title: dto.title,
      description: dto.description ?? null,
      subject,
      reporterNameEnc: this.cipher.encrypt(dto.reporter.name),
      reporterPhoneEnc: this.cipher.encrypt(dto.reporter.phone),
      reporterRealName: dto.reporter.realName,
      createdBy: cmd.actor.username,
      demo: options.demo ?? false,
    } satisfies ReportRow);
    // The reporter's name and phone travel (leads must tell a real-name reporter the outcome).
    const payload: ReportReceivedPayload = {
      reportId: row.id,
      bureau: row.bureau,
      online: row.online,
      receivedAt: receivedAt.toISOString(),
      title: row.title,
      ...(dto.description ? { description: dto.description } : {}),
      subject,
      reporter: { name: dto.reporter.name, phone: dto.reporter.phone, realName: dto.reporter.realName },
    };
    const { visibleBureaus: _scope, ...actor } = cmd.actor;
    await this.repository.transaction(async (manager) => {
      await this.repository.insert(manager, row);
      await appendToOutbox(manager, [
        newEvent({ type: REPORT_RECEIVED, aggregateType: 'report', aggregateId: row.id, bureau: row.bureau, actor, payload, occurredAt: receivedAt, correlationId: cmd.requestId }, now),
      ]);
    });
    return {
      id: row.id,
      bureau: row.bureau,
      online: row.online,
      receivedAt: receivedAt.toISOString(),
      title: row.title,
      subject,
      reporter: { name: maskName(dto.reporter.name), phone: maskPhone(dto.reporter.phone), realName: dto.reporter.realName },
      status: 'handed_to_leads',
    };
  }
}
