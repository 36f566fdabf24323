import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf, ruleSetFor, type RuleSet } from '#libs/clock';
import { LEAD_EVENTS, type Actor, type LeadDuplicateFlaggedPayload, type LeadReceivedPayload, type LeadReporter, type LeadSubject } from '#libs/contracts';
import {
  DUPLICATE_WINDOW_DAYS,
  ValidationError,
  isValidUscc,
  leadFingerprint,
  normaliseUscc,
  rethrowClockError,
  subjectKey,
  type LeadChannel,
} from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { LeadClockService, type BatchClocks } from './lead-clock.service.js';
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
  validate(input: LeadIntake, now: Date): { receivedAt: Date; receivedDate: string; subject: LeadSubject; ruleSet: RuleSet<'penalty'> } {
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
    return { receivedAt, receivedDate, subject, ruleSet };
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
    const row = this.build(input, now, this.clocks.atOnce(await this.clocks.calendar(), now));
    const duplicate = await this.repo.findDuplicate(manager, row);
    row.duplicateOf = duplicate?.id ?? null;
    if (!(await this.repo.insertLead(manager, row))) {
      // Lost a race with the same source id: the other intake's lead is the one.
      const winner = input.source ? await this.repo.findBySource(manager, input.source.kind, input.source.ref) : null;
      if (winner) return { row: winner, created: false };
      throw new Error(`lead ${row.id} was not inserted`);
    }
    await this.events.append(manager, this.receivedEvents(row, input, actor, correlationId));
    return { row, created: true };
  }

  /**
   * The same as `intake` for many items with a source id (bulk import), in the caller's
   * transaction with a fixed number of statements: one lookup of known sources, one of
   * duplicate candidates, one insert of the leads and one of their events. An item that
   * fails validation gets its error and the others go on.
   */
  async intakeMany(manager: EntityManager, actor: Actor, inputs: SourcedLeadIntake[], correlationId?: string): Promise<IntakeOutcome[]> {
    const now = this.clock.now();
    const clocks = this.clocks.atOnce(await this.clocks.calendar(), now);
    const kind = inputs[0]?.source.kind;
    const known = kind ? await this.repo.leadIdsBySource(manager, kind, inputs.map((i) => i.source.ref)) : new Map<string, string>();
    const outcomes: IntakeOutcome[] = [];
    const fresh: { row: LeadRow; input: SourcedLeadIntake }[] = [];
    for (const input of inputs) {
      const existing = known.get(input.source.ref);
      if (existing) {
        outcomes.push({ leadId: existing, created: false });
        continue;
      }
      try {
        const row = this.build(input, now, clocks);
        fresh.push({ row, input });
        outcomes.push({ leadId: row.id, created: true });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        outcomes.push({ error });
      }
    }
    if (fresh.length === 0) return outcomes;
    // Duplicates among the stored leads and the earlier items of this batch, as one by one would find them.
    const earlier = new DuplicateIndex(await this.repo.duplicateCandidates(manager, fresh.map((f) => f.row)));
    for (const { row } of fresh) {
      row.duplicateOf = earlier.earliest(row)?.id ?? null;
      earlier.add(row);
    }
    const inserted = await this.repo.insertLeads(manager, fresh.map((f) => f.row));
    if (inserted !== fresh.length) throw new SourceRaceError();
    await this.events.append(manager, fresh.flatMap(({ row, input }) => this.receivedEvents(row, input, actor, correlationId)));
    return outcomes;
  }

  /** The new lead row with its clock, before duplicate detection. */
  private build(input: LeadIntake, now: Date, clocks: BatchClocks): LeadRow {
    const { receivedAt, receivedDate, subject, ruleSet } = this.validate(input, now);
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
      receivedDate,
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
    this.clocks.apply(row, clocks.compute(row, []));
    return row;
  }

  /** lead.received, and lead.duplicate_flagged when the row points to an earlier lead. */
  private receivedEvents(row: LeadRow, input: LeadIntake, actor: Actor, correlationId?: string): LeadEventSpec<unknown>[] {
    const snapshot = leadSnapshot(row, false);
    const received: LeadReceivedPayload = {
      snapshot,
      subject: row.subject,
      ...(row.superiorDueDate ? { superiorDueDate: row.superiorDueDate } : {}),
      ...(row.platformDueDate ? { platformDueDate: row.platformDueDate } : {}),
      ...(input.source ? { source: input.source } : {}),
      ...(row.duplicateOf ? { duplicateOf: row.duplicateOf } : {}),
    };
    const common = { row, actor, occurredAt: row.receivedAt, ...(correlationId ? { correlationId } : {}) };
    const specs: LeadEventSpec<unknown>[] = [{ type: LEAD_EVENTS.received, payload: received, ...common }];
    if (row.duplicateOf) {
      const flagged: LeadDuplicateFlaggedPayload = { snapshot, duplicateOf: row.duplicateOf, subjectKey: row.subjectKey, fingerprint: row.fingerprint };
      specs.push({ type: LEAD_EVENTS.duplicateFlagged, payload: flagged, ...common });
    }
    return specs;
  }
}

export type SourcedLeadIntake = LeadIntake & { source: { kind: LeadSourceKind; ref: string } };

export type IntakeOutcome = { leadId: string; created: boolean } | { error: ValidationError };

/** Another intake stored one of the batch's source ids meanwhile: the batch is rolled back and run again. */
export class SourceRaceError extends Error {
  constructor() {
    super('a source id of the batch was stored concurrently');
  }
}

type DuplicateCandidate = Pick<LeadRow, 'id' | 'bureau' | 'subjectKey' | 'fingerprint' | 'receivedAt'>;

/** findDuplicate's rule over candidates in memory: same bureau, subject and fingerprint, within the window, earliest first. */
class DuplicateIndex {
  private readonly byKey = new Map<string, DuplicateCandidate[]>();

  constructor(candidates: DuplicateCandidate[]) {
    for (const c of candidates) this.add(c);
  }

  add(candidate: DuplicateCandidate): void {
    const key = duplicateKey(candidate);
    const list = this.byKey.get(key);
    if (list) list.push(candidate);
    else this.byKey.set(key, [candidate]);
  }

  earliest(row: DuplicateCandidate): DuplicateCandidate | undefined {
    const windowMs = (DUPLICATE_WINDOW_DAYS + 1) * 86_400_000;
    let best: DuplicateCandidate | undefined;
    for (const c of this.byKey.get(duplicateKey(row)) ?? []) {
      if (c.id === row.id) continue;
      if (Math.abs(c.receivedAt.getTime() - row.receivedAt.getTime()) > windowMs) continue;
      if (!best || c.receivedAt < best.receivedAt || (c.receivedAt.getTime() === best.receivedAt.getTime() && c.id < best.id)) best = c;
    }
    return best;
  }
}

const duplicateKey = (c: DuplicateCandidate) => `${c.bureau}\u0000${c.subjectKey}\u0000${c.fingerprint}`;
