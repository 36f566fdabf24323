import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import {
  CREDIT_EVENTS,
  type CommandMessage,
  type CreditQueryCommand,
  type CreditRecordCommand,
  type CreditRecordView,
  type ListEntryCommand,
  type ListEntryView,
  type ListRemovalCommand,
} from '#libs/contracts';
import { IllegalTransitionError, NotFoundError, ValidationError } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { notAfterToday } from '../common/credit-command.js';
import { OperatorsService } from '../operators/operators.service.js';
import { CreditWriter } from './credit-writer.js';
import { GradingService } from './grading.service.js';
import type { CreditRecordRow, ListEntryRow } from './record.entities.js';
import { RecordRepository } from './record.repository.js';

export function toRecordView(r: CreditRecordRow): CreditRecordView {
  return {
    id: r.id,
    uscc: r.uscc,
    kind: r.kind,
    date: r.date,
    bureau: r.bureau,
    sourceKey: r.sourceKey,
    description: r.description,
    ...(r.penalty ? { penalty: r.penalty } : {}),
    ...(r.repairedDate ? { repairedDate: r.repairedDate } : {}),
    ...(r.voidedDate ? { voided: { date: r.voidedDate, reason: r.voidReason ?? '' } } : {}),
  };
}

export function toListEntryView(e: ListEntryRow): ListEntryView {
  return {
    id: e.id,
    uscc: e.uscc,
    list: e.list,
    category: e.category,
    enteredDate: e.enteredDate,
    reason: e.reason,
    bureau: e.bureau,
    enteredBy: e.enteredBy,
    ...(e.removedDate ? { removedDate: e.removedDate, removalReason: e.removalReason ?? '' } : {}),
  };
}

/** The credit record of one operator: its grade at a date, list entries, commitments and positive records. */
@Injectable()
export class RecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operators: OperatorsService,
    private readonly records: RecordRepository,
    private readonly writer: CreditWriter,
    private readonly grading: GradingService,
    private readonly clock: Clock,
  ) {}

  /** The grade as of a date (default today), with the factors behind it and the record it came from. */
  async credit(cmd: CommandMessage<CreditQueryCommand>) {
    const operator = await this.operators.visible(cmd);
    const today = this.grading.today();
    const asOf = cmd.data.asOf ?? today;
    notAfterToday('asOf', asOf, today);
    const m = this.dataSource.manager;
    const [grade, records, listEntries, complaints, repairs] = await Promise.all([
      this.grading.gradeOf(m, operator.uscc, asOf),
      this.records.records(m, operator.uscc),
      this.records.listEntries(m, operator.uscc),
      this.records.complaints(m, operator.uscc),
      this.records.repairs(m, operator.uscc),
    ]);
    return {
      uscc: operator.uscc,
      ...grade,
      record: {
        items: records.map(toRecordView),
        listEntries: listEntries.map(toListEntryView),
        complaints: complaints.map((c) => ({ complaintId: c.complaintId, receivedDate: c.receivedDate, mediationResult: c.mediationResult, mediationEndedDate: c.mediationEndedDate })),
        repairs: repairs.map((r) => ({ id: r.id, recordId: r.recordId, status: r.status, decision: r.decision })),
      },
    };
  }

  async enterList(cmd: CommandMessage<ListEntryCommand>): Promise<ListEntryView> {
    const d = cmd.data;
    notAfterToday('enteredAt', d.enteredAt, this.grading.today());
    return this.dataSource.transaction(async (m) => {
      const operator = await this.operators.visible(cmd, m);
      const open = (await this.records.listEntries(m, operator.uscc)).find((e) => e.list === d.list && e.removedDate === null);
      if (open) throw new IllegalTransitionError('listed', `经营者已在该名单中（${open.enteredDate} 列入）`, 'ALREADY_LISTED');
      const entry: ListEntryView = {
        id: uuidv7({ msecs: this.clock.now().getTime() }),
        uscc: operator.uscc,
        list: d.list,
        category: d.category ?? 'other',
        enteredDate: d.enteredAt,
        reason: d.reason.trim(),
        bureau: cmd.actor.bureau,
        enteredBy: cmd.actor.username,
      };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.listEntered, entry.uscc, entry.bureau, { entry }, cmd)]);
      return entry;
    });
  }

  async removeFromList(cmd: CommandMessage<ListRemovalCommand>): Promise<ListEntryView> {
    const d = cmd.data;
    notAfterToday('removedAt', d.removedAt, this.grading.today());
    return this.dataSource.transaction(async (m) => {
      const operator = await this.operators.visible(cmd, m);
      const row = await this.records.listEntry(m, d.entryId);
      if (!row || row.uscc !== operator.uscc) throw new NotFoundError('名单记录', d.entryId);
      if (row.removedDate) throw new IllegalTransitionError('removed', `该名单记录已于 ${row.removedDate} 移出`, 'ALREADY_REMOVED');
      if (d.removedAt < row.enteredDate) throw ValidationError.field('removedAt', 'BEFORE_ENTRY', `removedAt：不能早于列入日期 ${row.enteredDate}`);
      const entry: ListEntryView = { ...toListEntryView(row), removedDate: d.removedAt, removalReason: d.reason.trim() };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.listRemoved, entry.uscc, entry.bureau, { entry }, cmd)]);
      return entry;
    });
  }

  /** 信用承诺 or positive record entered by an officer. */
  async addRecord(cmd: CommandMessage<CreditRecordCommand>): Promise<CreditRecordView> {
    const d = cmd.data;
    notAfterToday('date', d.date, this.grading.today());
    return this.dataSource.transaction(async (m) => {
      const operator = await this.operators.visible(cmd, m);
      const id = uuidv7({ msecs: this.clock.now().getTime() });
      const record: CreditRecordView = { id, uscc: operator.uscc, kind: d.kind, date: d.date, bureau: cmd.actor.bureau, sourceKey: `manual:${id}`, description: d.description.trim() };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.recordAdded, record.uscc, record.bureau, { record }, cmd)]);
      return record;
    });
  }

  private event(type: string, uscc: string, bureau: string, payload: unknown, cmd: CommandMessage) {
    return newEvent({ type, aggregateType: 'operator', aggregateId: uscc, bureau, actor: cmd.actor, payload, correlationId: cmd.requestId }, this.clock.now());
  }
}
