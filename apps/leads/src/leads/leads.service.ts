import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isOnTime } from '#libs/clock';
import {
  LEAD_EVENTS,
  type CommandMessage,
  type CreateLeadDto,
  type DecideLeadDto,
  type EndLeadPauseDto,
  type ExtendLeadDto,
  type LeadDecidedPayload,
  type LeadExtendedPayload,
  type LeadPausedPayload,
  type LeadReportedBackPayload,
  type LeadReporterNotifiedPayload,
  type LeadResumedPayload,
  type LeadView,
  type ReportBackLeadDto,
  type ReporterNoticeDto,
  type ScopedActor,
  type StartLeadPauseDto,
} from '#libs/contracts';
import { ForbiddenError, LeadLifecycle, ValidationError, isLeadPauseReason, reporterNoticeDueDate, type LeadLifecycleState } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { assertReadable, assertWritable } from './lead-access.js';
import { LeadClockService } from './lead-clock.service.js';
import { LeadEvents } from './lead-events.js';
import { LeadIntakeService } from './lead-intake.service.js';
import { leadSnapshot } from './lead-mapper.js';
import { LeadPauseRow } from './lead-pause.entity.js';
import type { LeadRow } from './lead.entity.js';
import { LeadQueriesService } from './lead-queries.service.js';
import { LeadsRepository } from './leads.repository.js';

type WithId<T> = T & { id: string };

const BUREAU_CODE = /^\d{6}$/;

function stateOf(row: LeadRow): LeadLifecycleState {
  return {
    status: row.status,
    channel: row.channel,
    extended: row.extension !== null,
    reporterRealName: row.reporter?.realName === true,
    reporterNotified: row.reporterNotifiedAt !== null,
  };
}

/** An action's instant: defaults to now, never in the future, never before `notBefore`. */
function instant(value: string | undefined, field: string, now: Date, notBefore?: { at: Date; label: string }): Date {
  const at = value ? new Date(value) : now;
  if (Number.isNaN(at.getTime())) throw ValidationError.field(field, 'isISO8601', `${field}：不是有效时间`);
  if (at.getTime() > now.getTime()) throw ValidationError.field(field, 'notInFuture', `${field}：不能晚于当前时间`);
  if (notBefore && at.getTime() < notBefore.at.getTime()) {
    throw ValidationError.field(field, 'tooEarly', `${field}：不能早于${notBefore.label}`);
  }
  return at;
}

/** State changes of a lead: each in one transaction with its outbox events. */
@Injectable()
export class LeadsService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly clocks: LeadClockService,
    private readonly events: LeadEvents,
    private readonly intakes: LeadIntakeService,
    private readonly queries: LeadQueriesService,
    private readonly clock: Clock,
  ) {}

  /** POST /api/v1/leads: the lead belongs to the actor's bureau; `externalRef` makes it idempotent. */
  async create({ actor, data, requestId }: CommandMessage<CreateLeadDto>): Promise<LeadView> {
    const { row, created } = await this.repo.transaction((m) =>
      this.intakes.intake(
        m,
        actor,
        {
          bureau: actor.bureau,
          assignee: actor.username,
          channel: data.channel,
          online: data.online,
          ...(data.receivedAt ? { receivedAt: data.receivedAt } : {}),
          title: data.title,
          ...(data.description ? { description: data.description } : {}),
          subject: data.subject,
          ...(data.reporter ? { reporter: data.reporter } : {}),
          ...(data.superiorDueDate ? { superiorDueDate: data.superiorDueDate } : {}),
          ...(data.platformDueDate ? { platformDueDate: data.platformDueDate } : {}),
          ...(data.externalRef ? { source: { kind: data.channel === 'platform_monitoring' ? 'platform_item' : 'external', ref: data.externalRef } } : {}),
        },
        requestId,
      ),
    );
    // A lead just written has no pauses and is the row in hand; an existing one is read again.
    return created ? this.queries.viewOfNew(actor, row) : this.queries.get(actor, row.id);
  }

  async pause({ actor, data, requestId }: CommandMessage<WithId<StartLeadPauseDto>>): Promise<LeadView> {
    if (!isLeadPauseReason(data.reason)) throw ValidationError.field('reason', 'isIn', 'reason：须为检测、检验、检疫、鉴定或权利人辨认鉴别');
    return this.change(actor, data.id, async (m, row, now) => {
      row.status = new LeadLifecycle(stateOf(row)).pause();
      const startedAt = instant(data.startedAt, 'startedAt', now, { at: row.receivedAt, label: '线索接收时间' });
      const pauses = await this.repo.pausesOf(row.id, m);
      const last = pauses.at(-1);
      if (last?.endedAt && startedAt < last.endedAt) throw ValidationError.field('startedAt', 'overlapsPause', 'startedAt：不能早于上一次中止的结束时间');
      const pause = Object.assign(new LeadPauseRow(), { id: randomUUID(), leadId: row.id, reason: data.reason, startedAt, endedAt: null, recordedBy: actor.username, endedBy: null });
      await this.repo.savePause(m, pause);
      await this.recompute(m, row, [...pauses, pause], now);
      const payload: LeadPausedPayload = { snapshot: leadSnapshot(row, true), pauseId: pause.id, reason: pause.reason, startedAt: startedAt.toISOString(), recordedBy: actor.username };
      await this.events.append(m, [{ type: LEAD_EVENTS.paused, row, actor, payload, occurredAt: startedAt, correlationId: requestId }]);
    });
  }

  async resume({ actor, data, requestId }: CommandMessage<WithId<EndLeadPauseDto>>): Promise<LeadView> {
    return this.change(actor, data.id, async (m, row, now) => {
      row.status = new LeadLifecycle(stateOf(row)).resume();
      const pauses = await this.repo.pausesOf(row.id, m);
      const open = pauses.find((p) => p.endedAt === null)!;
      const endedAt = instant(data.endedAt, 'endedAt', now, { at: open.startedAt, label: '中止开始时间' });
      open.endedAt = endedAt;
      open.endedBy = actor.username;
      await this.repo.savePause(m, open);
      await this.recompute(m, row, pauses, now);
      const payload: LeadResumedPayload = {
        snapshot: leadSnapshot(row, false),
        pauseId: open.id,
        reason: open.reason,
        startedAt: open.startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
      };
      await this.events.append(m, [{ type: LEAD_EVENTS.resumed, row, actor, payload, occurredAt: endedAt, correlationId: requestId }]);
    });
  }

  /** 延长核查期限: supervisor's approval, once, 15 WD more (第十八条). */
  async extend({ actor, data, requestId }: CommandMessage<WithId<ExtendLeadDto>>): Promise<LeadView> {
    if (actor.role !== 'supervisor') throw new ForbiddenError('延长核查期限须由监管负责人批准');
    if (!data.reason?.trim()) throw ValidationError.field('reason', 'isNotEmpty', 'reason：延期理由不能为空');
    return this.change(actor, data.id, async (m, row, now) => {
      row.status = new LeadLifecycle(stateOf(row)).extend();
      const pauses = await this.repo.pausesOf(row.id, m);
      const previousDueDate = this.clocks.compute(row, pauses, await this.clocks.calendar(), now).dueDate;
      row.extension = { reason: data.reason.trim(), approvedBy: actor.username, approvedAt: now.toISOString() };
      await this.recompute(m, row, pauses, now);
      const rule = this.clocks.ruleSetOf(row).periods.leadVerification;
      const payload: LeadExtendedPayload = {
        snapshot: leadSnapshot(row, row.status === 'paused'),
        reason: row.extension.reason,
        approvedBy: actor.username,
        approvedAt: now.toISOString(),
        length: rule.extension?.length ?? rule.length,
        unit: rule.extension?.unit ?? rule.unit,
        previousDueDate,
      };
      await this.events.append(m, [{ type: LEAD_EVENTS.extended, row, actor, payload, occurredAt: now, correlationId: requestId }]);
    });
  }

  async decide({ actor, data, requestId }: CommandMessage<WithId<DecideLeadDto>>): Promise<LeadView> {
    return this.change(actor, data.id, async (m, row, now) => {
      row.status = new LeadLifecycle(stateOf(row)).decide(data.outcome);
      const decidedAt = instant(data.decidedAt, 'decidedAt', now, { at: row.receivedAt, label: '线索接收时间' });
      const pauses = await this.repo.pausesOf(row.id, m);
      const lastEnd = pauses.at(-1)?.endedAt;
      if (lastEnd && decidedAt < lastEnd) throw ValidationError.field('decidedAt', 'tooEarly', 'decidedAt：不能早于中止结束时间');
      await this.recompute(m, row, pauses, now);
      row.outcome = data.outcome;
      row.decidedAt = decidedAt;
      row.decidedBy = actor.username;
      row.decisionReason = data.reason?.trim() || null;
      const created = await this.applyOutcome(m, actor, row, data, requestId);
      if (row.reporter?.realName) {
        row.reporterNoticeDueDate = reporterNoticeDueDate(decidedAt, this.clocks.ruleSetOf(row), await this.clocks.calendar()).dueDate;
      }
      await this.repo.saveLead(m, row);
      const payload: LeadDecidedPayload = {
        snapshot: leadSnapshot(row, false),
        outcome: data.outcome,
        decidedAt: decidedAt.toISOString(),
        onTime: isOnTime(decidedAt, row.dueDate),
        subject: row.subject,
        ...(row.decisionReason ? { reason: row.decisionReason } : {}),
        ...(row.transferTo ? { transferTo: row.transferTo } : {}),
        ...(created ? { transferredLeadId: created } : {}),
        ...(row.mergeInto ? { mergeInto: row.mergeInto } : {}),
        ...(row.procedure ? { procedure: row.procedure } : {}),
        ...(row.caseId
          ? {
              caseId: row.caseId,
              filing: {
                caseId: row.caseId,
                leadId: row.id,
                bureau: row.bureau,
                online: row.online,
                filedAt: decidedAt.toISOString(),
                ...(row.procedure ? { procedure: row.procedure } : {}),
                title: row.title,
                channel: row.channel,
                assignee: row.assignee,
                subject: row.subject,
              },
            }
          : {}),
      };
      await this.events.append(m, [{ type: LEAD_EVENTS.decided, row, actor, payload, occurredAt: decidedAt, correlationId: requestId }]);
    });
  }

  /** 反馈 to the superior that assigned or supervised the lead. */
  async reportBack({ actor, data, requestId }: CommandMessage<WithId<ReportBackLeadDto>>): Promise<LeadView> {
    return this.change(actor, data.id, async (m, row, now) => {
      row.status = new LeadLifecycle(stateOf(row)).reportBack();
      const reportedAt = instant(data.reportedAt, 'reportedAt', now, { at: row.decidedAt!, label: '核查决定时间' });
      row.reportedBackAt = reportedAt;
      await this.repo.saveLead(m, row);
      const payload: LeadReportedBackPayload = { snapshot: leadSnapshot(row, false), reportedAt: reportedAt.toISOString(), onTime: isOnTime(reportedAt, row.dueDate) };
      await this.events.append(m, [{ type: LEAD_EVENTS.reportedBack, row, actor, payload, occurredAt: reportedAt, correlationId: requestId }]);
    });
  }

  /** 告知实名举报人 the outcome; due 5 WD after the decision. */
  async notifyReporter({ actor, data, requestId }: CommandMessage<WithId<ReporterNoticeDto>>): Promise<LeadView> {
    return this.change(actor, data.id, async (m, row, now) => {
      new LeadLifecycle(stateOf(row)).notifyReporter();
      const notifiedAt = instant(data.notifiedAt, 'notifiedAt', now, { at: row.decidedAt!, label: '核查决定时间' });
      row.reporterNotifiedAt = notifiedAt;
      await this.repo.saveLead(m, row);
      const payload: LeadReporterNotifiedPayload = {
        snapshot: leadSnapshot(row, false),
        notifiedAt: notifiedAt.toISOString(),
        noticeDueDate: row.reporterNoticeDueDate!,
        onTime: isOnTime(notifiedAt, row.reporterNoticeDueDate!),
      };
      await this.events.append(m, [{ type: LEAD_EVENTS.reporterNotified, row, actor, payload, occurredAt: notifiedAt, correlationId: requestId }]);
    });
  }

  /** file_case gets its case id now; transfer to a bureau opens a transfer_in lead there; merge links. Returns a created lead id. */
  private async applyOutcome(m: EntityManager, actor: ScopedActor, row: LeadRow, data: DecideLeadDto, requestId: string): Promise<string | undefined> {
    switch (data.outcome) {
      case 'file_case':
        // The case id is fixed here, so the cases service files exactly this case once, whenever it gets the event.
        row.caseId = randomUUID();
        row.procedure = data.procedure ?? 'ordinary';
        return undefined;
      case 'no_case':
        if (!row.decisionReason) throw ValidationError.field('reason', 'isNotEmpty', 'reason：不予立案须说明理由');
        return undefined;
      case 'transfer':
        return this.transfer(m, actor, row, data.transferTo, requestId);
      case 'merge':
        await this.merge(m, actor, row, data.mergeInto);
        return undefined;
    }
  }

  private async transfer(m: EntityManager, actor: ScopedActor, row: LeadRow, to: string | undefined, requestId: string): Promise<string | undefined> {
    const target = to?.trim();
    if (!target) throw ValidationError.field('transferTo', 'isNotEmpty', 'transferTo：须填写移送的局或部门');
    if (target === row.bureau) throw ValidationError.field('transferTo', 'sameBureau', 'transferTo：不能移送给本局');
    row.transferTo = target;
    // Another department (e.g. 公安) only needs the record; a bureau gets a lead of its own to verify.
    if (!BUREAU_CODE.test(target)) return undefined;
    const { row: created } = await this.intakes.intake(
      m,
      actor,
      {
        bureau: target,
        assignee: actor.username,
        channel: 'transfer_in',
        online: row.online,
        receivedAt: row.decidedAt!.toISOString(),
        title: row.title,
        ...(row.description ? { description: row.description } : {}),
        subject: row.subject,
        ...(row.reporter ? { reporter: row.reporter } : {}),
        source: { kind: 'lead_transfer', ref: row.id },
        senderBureau: row.bureau,
      },
      requestId,
    );
    row.transferredLeadId = created.id;
    return created.id;
  }

  private async merge(m: EntityManager, actor: ScopedActor, row: LeadRow, into: string | undefined): Promise<void> {
    if (!into) throw ValidationError.field('mergeInto', 'isNotEmpty', 'mergeInto：须指明合并到的线索');
    if (into === row.id) throw ValidationError.field('mergeInto', 'self', 'mergeInto：不能合并到自身');
    const target = assertReadable(actor, await this.repo.findById(into, m), into);
    if (target.outcome === 'merge') throw ValidationError.field('mergeInto', 'alreadyMerged', 'mergeInto：目标线索本身已被合并，请合并到其合并目标');
    row.mergeInto = target.id;
  }

  private async recompute(m: EntityManager, row: LeadRow, pauses: LeadPauseRow[], now: Date): Promise<void> {
    this.clocks.apply(row, this.clocks.compute(row, pauses, await this.clocks.calendar(), now));
    await this.repo.saveLead(m, row);
  }

  /** Locks, checks access, runs the change and its events in one transaction, then answers the fresh view. */
  private async change(actor: ScopedActor, id: string, work: (m: EntityManager, row: LeadRow, now: Date) => Promise<void>): Promise<LeadView> {
    await this.repo.transaction(async (m) => {
      const row = assertWritable(actor, await this.repo.findForUpdate(m, id), id);
      await work(m, row, this.clock.now());
    });
    return this.queries.get(actor, id);
  }
}
