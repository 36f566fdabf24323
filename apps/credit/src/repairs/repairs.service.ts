import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, type EntityManager } from 'typeorm';
import { localDateOf } from '#libs/clock';
import {
  CREDIT_EVENTS,
  type CommandMessage,
  type CreditRepairCommand,
  type CreditRepairView,
  type ListCreditRepairsQueryDto,
  type OperatorRef,
  type RepairDecisionCommand,
} from '#libs/contracts';
import { IllegalTransitionError, isListEntryOpen, NotFoundError, repairEligibility, ValidationError } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { requireRole } from '../common/credit-command.js';
import { OperatorsRepository } from '../operators/operators.repository.js';
import { OperatorsService } from '../operators/operators.service.js';
import { CreditWriter } from '../record/credit-writer.js';
import type { CreditRecordRow, CreditRepairRow } from '../record/record.entities.js';
import { RecordRepository } from '../record/record.repository.js';
import { RepairsRepository } from './repairs.repository.js';

export function toRepairView(r: CreditRepairRow): CreditRepairView {
  return {
    id: r.id,
    uscc: r.uscc,
    recordId: r.recordId,
    reason: r.reason,
    ...(r.evidence ? { evidence: r.evidence } : {}),
    status: r.status,
    bureau: r.bureau,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    ...(r.decision ? { decision: r.decision } : {}),
  };
}

/** A voided penalty (its decision revoked) no longer counts: there is nothing left to repair. */
function assertNotVoided(record: CreditRecordRow): void {
  if (record.voidedDate) throw new IllegalTransitionError('voided', `该处罚信息已于 ${record.voidedDate} 作废（${record.voidReason ?? ''}），无需修复`, 'RECORD_VOIDED');
}

/** 信用修复: requested for a published penalty, decided by a supervisor, always with a reason. */
@Injectable()
export class RepairsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly operators: OperatorsService,
    private readonly records: RecordRepository,
    private readonly repairs: RepairsRepository,
    private readonly operatorRows: OperatorsRepository,
    private readonly writer: CreditWriter,
    private readonly clock: Clock,
  ) {}

  async request(cmd: CommandMessage<CreditRepairCommand>): Promise<CreditRepairView> {
    return this.dataSource.transaction(async (m) => {
      const operator = await this.operators.visible(cmd, m);
      const record = await this.records.record(m, cmd.data.recordId);
      if (!record || record.uscc !== operator.uscc) throw new NotFoundError('信用记录', cmd.data.recordId);
      if (record.kind !== 'penalty' || !record.penalty) {
        throw ValidationError.field('recordId', 'NOT_A_PENALTY', 'recordId：只有行政处罚信息可以申请信用修复');
      }
      if (record.repairedDate) throw new IllegalTransitionError('repaired', `该处罚信息已于 ${record.repairedDate} 修复`, 'ALREADY_REPAIRED');
      assertNotVoided(record);
      if ((await this.records.repairs(m, operator.uscc)).some((r) => r.recordId === record.id && r.status === 'pending')) {
        throw new IllegalTransitionError('pending', '该处罚信息已有待决定的修复申请', 'REPAIR_PENDING');
      }
      await this.assertEligible(m, record);
      const repair: CreditRepairView = {
        id: uuidv7({ msecs: this.clock.now().getTime() }),
        uscc: operator.uscc,
        recordId: record.id,
        reason: cmd.data.reason.trim(),
        ...(cmd.data.evidence ? { evidence: cmd.data.evidence } : {}),
        status: 'pending',
        bureau: cmd.actor.bureau,
        requestedBy: cmd.actor.username,
        requestedAt: this.clock.now().toISOString(),
      };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.repairRequested, repair, cmd)]);
      return repair;
    });
  }

  /** A supervisor's decision; approval re-checks the periods on the decision date. */
  async decide(cmd: CommandMessage<RepairDecisionCommand>): Promise<CreditRepairView> {
    requireRole(cmd, ['supervisor']);
    return this.dataSource.transaction(async (m) => {
      const row = await this.records.repair(m, cmd.data.repairId);
      if (!row) throw new NotFoundError('信用修复申请', cmd.data.repairId);
      await this.operators.visible({ ...cmd, data: { uscc: row.uscc } }, m).catch(() => {
        throw new NotFoundError('信用修复申请', cmd.data.repairId);
      });
      if (row.status !== 'pending') throw new IllegalTransitionError(row.status, '该修复申请已作出决定');
      const record = await this.records.record(m, row.recordId);
      if (!record) throw new NotFoundError('信用记录', row.recordId);
      if (cmd.data.approved) {
        assertNotVoided(record);
        await this.assertEligible(m, record);
      }
      const now = this.clock.now();
      const repair: CreditRepairView = {
        ...toRepairView(row),
        status: cmd.data.approved ? 'approved' : 'rejected',
        decision: { approved: cmd.data.approved, reason: cmd.data.reason.trim(), decidedBy: cmd.actor.username, decidedAt: now.toISOString(), decidedDate: localDateOf(now) },
      };
      await this.writer.publish(m, [this.event(CREDIT_EVENTS.repairDecided, repair, cmd)]);
      return repair;
    });
  }

  async list(cmd: CommandMessage<OperatorRef>): Promise<{ items: CreditRepairView[] }> {
    const operator = await this.operators.visible(cmd);
    return { items: (await this.records.repairs(this.dataSource.manager, operator.uscc)).map(toRepairView) };
  }

  /** Requests across every visible operator (the supervisor's approval queue with `status=pending`). */
  async queue(cmd: CommandMessage<ListCreditRepairsQueryDto>) {
    const page = Number(cmd.data.page ?? 1);
    const pageSize = Number(cmd.data.pageSize ?? 20);
    const { items, total } = await this.repairs.page({ visibleBureaus: cmd.actor.visibleBureaus, status: cmd.data.status, page, pageSize });
    const m = this.dataSource.manager;
    const operators = await this.operatorRows.findMany(m, [...new Set(items.map((r) => r.uscc))]);
    const records = await this.records.recordsById(m, [...new Set(items.map((r) => r.recordId))]);
    return {
      items: items.map((r) => {
        const record = records.get(r.recordId);
        return {
          ...toRepairView(r),
          operatorName: operators.get(r.uscc)?.name ?? r.uscc,
          ...(record ? { record: { date: record.date, description: record.description } } : {}),
        };
      }),
      total,
      page,
      pageSize,
    };
  }

  private async assertEligible(m: EntityManager, record: CreditRecordRow): Promise<void> {
    const penalty = record.penalty!;
    const today = localDateOf(this.clock.now());
    // Sequential: `m` is a transaction's single connection, which cannot run queries concurrently.
    const entries = await this.records.listEntries(m, record.uscc);
    const repairs = await this.records.repairs(m, record.uscc);
    const verdict = repairEligibility(record.date, penalty.publicationEnd, {
      penalties: penalty.penalties,
      sector: penalty.sector,
      openSeriousDishonesty: entries
        .filter((e) => e.list === 'serious_dishonesty' && isListEntryOpen({ ...e, removedDate: e.removedDate ?? undefined }, today))
        .map((e) => e.category),
      approvedRepairDates: repairs.filter((r) => r.status === 'approved' && r.decision).map((r) => r.decision!.decidedDate),
      requestDate: today,
    });
    if (verdict.allowed) return;
    if (verdict.reason === 'PUBLICATION_ENDED') {
      throw new IllegalTransitionError('publication_ended', `该处罚信息公示期已于 ${verdict.publicationEnd} 届满，无需修复`, 'PUBLICATION_ENDED');
    }
    if (verdict.reason === 'MIN_PERIOD_NOT_PASSED') {
      throw new IllegalTransitionError('publishing', `最短公示期未满，${verdict.earliestDate} 起方可申请信用修复`, 'REPAIR_NOT_YET_ALLOWED');
    }
    throw new IllegalTransitionError('excluded', `不予信用修复：${verdict.exclusions.map((e) => e.label).join('；')}`, 'REPAIR_EXCLUDED');
  }

  private event(type: string, repair: CreditRepairView, cmd: CommandMessage) {
    return newEvent(
      { type, aggregateType: 'credit_repair', aggregateId: repair.id, bureau: repair.bureau, actor: cmd.actor, payload: { repair }, correlationId: cmd.requestId },
      this.clock.now(),
    );
  }
}
