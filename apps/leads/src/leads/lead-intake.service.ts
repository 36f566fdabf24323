import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf, ruleSetFor, type RuleSet } from '#libs/clock';
import { LEAD_EVENTS, type Actor, type LeadDuplicateFlaggedPayload, type LeadReceivedPayload, type LeadReporter, type LeadSubject } from '#libs/contracts';
import {
  ValidationError,
  isValidUscc,
  leadFingerprint,
  normaliseUscc,
  rethrowClockError,
  subjectKey,
  type LeadChannel,
} from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { LeadClockService } from './lead-clock.service.js';
import { LeadEvents, type LeadEventSpec } from './lead-events.js';
import { leadSnapshot } from './lead-mapper.js';
import { LeadRow, type LeadSourceKind } from './lead.entity.js';
import { LeadsRepository } from './leads.repository.js';

/** One intake, whatever the channel: HTTP, complaints events, bulk import, transfer, demo seed. */
export interface LeadIntake {
  bureau: string;
  assignee: string;
  channel: LeadChannel;
  online: boolean;
  receivedAt?: string;
  title: string;
  description?: string;
  subject: LeadSubject;
  reporter?: LeadReporter;
  superiorDueDate?: string;
  platformDueDate?: string;
  source?: { kind: LeadSourceKind; ref: string };
  senderBureau?: string;
  /** The time comes from another service's record (an event), not from a person: clock skew is not an error. */
  recordedElsewhere?: boolean;
}

const SUPERIOR_CHANNELS: readonly LeadChannel[] = ['assigned', 'supervised'];

function clean(subject: LeadSubject): LeadSubject {
  const out: LeadSubject = {};
  if (subject.uscc?.trim()) out.uscc = normaliseUscc(subject.uscc);
  if (subject.name?.trim()) out.name = subject.name.trim();
  if (subject.platform?.trim()) out.platform = subject.platform.trim();
  if (subject.storeUrl?.trim()) out.storeUrl = subject.storeUrl.trim();
  return out;
}

@Injectable()
export class LeadIntakeService {
  constructor(
    private readonly repo: LeadsRepository,
    private readonly clocks: LeadClockService,
    private readonly events: LeadEvents,
    private readonly clock: Clock,
  ) {}

  /** Re-checks what the DTO checked (events and imports bypass it) and refuses a future receipt. */
  validate(input: LeadIntake, now: Date): { receivedAt: Date; subject: LeadSubject; ruleSet: RuleSet<'penalty'> } {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (Number.isNaN(receivedAt.getTime())) throw ValidationError.field('receivedAt', 'isISO8601', 'receivedAt：不是有效时间');
    if (!input.recordedElsewhere && receivedAt.getTime() > now.getTime()) throw ValidationError.field('receivedAt', 'notInFuture', 'receivedAt：不能晚于当前时间');
    const subject = clean(input.subject ?? {});
    if (subject.uscc && !isValidUscc(subject.uscc)) {
      throw new ValidationError('INVALID_USCC', 'subject.uscc：统一社会信用代码校验位错误', [
        { field: 'subject.uscc', code: 'isUscc', message: 'subject.uscc：统一社会信用代码校验位错误' },
      ]);
    }
    if (!subject.uscc && !subject.name && !subject.storeUrl) {
      throw ValidationError.field('subject.name', 'subjectRequired', 'subject：须填写统一社会信用代码、主体名称或店铺网址之一');
    }
    const receivedDate = localDateOf(receivedAt);
    if (input.superiorDueDate) {
      if (!SUPERIOR_CHANNELS.includes(input.channel)) {
        throw ValidationError.field('superiorDueDate', 'notApplicable', 'superiorDueDate：仅上级交办、督办线索可填写');
      }
      if (input.superiorDueDate < receivedDate) throw ValidationError.field('superiorDueDate', 'beforeReceipt', 'superiorDueDate：不能早于接收日期');
    }
    if (input.platformDueDate) {
      if (input.channel !== 'platform_monitoring') {
        throw ValidationError.field('platformDueDate', 'notApplicable', 'platformDueDate：仅平台分发监测信息可填写');
      }
      if (input.platformDueDate < receivedDate) throw ValidationError.field('platformDueDate', 'beforeReceipt', 'platformDueDate：不能早于接收日期');
    }
    const ruleSet = rethrowClockError(() => ruleSetFor('penalty', receivedAt));
    return { receivedAt, subject, ruleSet };
  }

  /**
   * Records a lead in the caller's transaction with its events. Idempotent on the source id: the
   * second time it returns the existing lead and writes nothing.
   */
  async intake(manager: EntityManager, actor: Actor, input: LeadIntake, correlationId?: string): Promise<{ row: LeadRow; created: boolean }> {
    const now = this.clock.now();
    if (input.source) {
      const existing = await this.repo.findBySource(manager, input.source.kind, input.source.ref);
      if (existing) return { row: existing, created: false };
    }
    const { receivedAt, subject, ruleSet } = this.validate(input, now);
    const row = new LeadRow();
    Object.assign(row, {
      id: randomUUID(),
      bureau: input.bureau,
      channel: input.channel,
      online: input.online,
      status: 'received',
      title: input.title.trim(),
      description: input.description?.trim() || null,
      subject,
      subjectUscc: subject.uscc ?? null,
      subjectKey: subjectKey(subject),
      fingerprint: leadFingerprint(subject, input.title),
      reporter: input.reporter ?? null,
      assignee: input.assignee,
      receivedAt,
      receivedDate: localDateOf(receivedAt),
      ruleSetId: ruleSet.id,
      ruleSetVersion: ruleSet.version,
      superiorDueDate: input.superiorDueDate ?? null,
      platformDueDate: input.platformDueDate ?? null,
      extension: null,
      outcome: null,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      transferTo: null,
      transferredLeadId: null,
      mergeInto: null,
      procedure: null,
      caseId: null,
      reportedBackAt: null,
      reporterNoticeDueDate: null,
      reporterNotifiedAt: null,
      duplicateOf: null,
      sourceKind: input.source?.kind ?? null,
      sourceRef: input.source?.ref ?? null,
      senderBureau: input.senderBureau ?? null,
    } satisfies Partial<LeadRow>);
    this.clocks.apply(row, this.clocks.compute(row, [], await this.clocks.calendar(), now));
    const duplicate = await this.repo.findDuplicate(manager, row);
    row.duplicateOf = duplicate?.id ?? null;
    if (!(await this.repo.insertLead(manager, row))) {
      // Lost a race with the same source id: the other intake's lead is the one.
      const winner = input.source ? await this.repo.findBySource(manager, input.source.kind, input.source.ref) : null;
      if (winner) return { row: winner, created: false };
      throw new Error(`lead ${row.id} was not inserted`);
    }
    const snapshot = leadSnapshot(row, false);
    const received: LeadReceivedPayload = {
      snapshot,
      subject,
      ...(row.superiorDueDate ? { superiorDueDate: row.superiorDueDate } : {}),
      ...(row.platformDueDate ? { platformDueDate: row.platformDueDate } : {}),
      ...(input.source ? { source: input.source } : {}),
      ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}),
    };
    const specs: LeadEventSpec<unknown>[] = [{ type: LEAD_EVENTS.received, row, actor, payload: received, occurredAt: receivedAt, ...(correlationId ? { correlationId } : {}) }];
    if (row.duplicateOf) {
      const flagged: LeadDuplicateFlaggedPayload = { snapshot, duplicateOf: row.duplicateOf, subjectKey: row.subjectKey, fingerprint: row.fingerprint };
      specs.push({ type: LEAD_EVENTS.duplicateFlagged, row, actor, payload: flagged, occurredAt: receivedAt, ...(correlationId ? { correlationId } : {}) });
    }
    await this.events.append(manager, specs);
    return { row, created: true };
  }
}
