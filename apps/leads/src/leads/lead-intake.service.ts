import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf, ruleSetFor, type RuleSet } from '#libs/clock';
import { LEAD_EVENTS, type Actor, type EventEnvelope, type LeadDuplicateFlaggedPayload, type LeadReceivedPayload, type LeadReporter, type LeadSubject } from '#libs/contracts';
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
import { appendToOutbox } from '#libs/messaging';
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
    row.duplicateOf = await this.repo.findDuplicateId(manager, row);
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
    const prepared = await this.prepareMany(manager, actor, inputs, correlationId);
    await this.storeMany(manager, prepared);
    return prepared.outcomes;
  }

  /**
   * intakeMany's reads and work without its writes, so an import can prepare a batch while the
   * one before is being written. `earlier` holds the import's earlier items that the reads may
   * not see yet (their batch still in flight): duplicates are flagged as one by one would.
   */
  async prepareMany(
    reader: EntityManager,
    actor: Actor,
    inputs: SourcedLeadIntake[],
    correlationId?: string,
    earlier = new DuplicateIndex(),
  ): Promise<PreparedIntakes> {
    const now = this.clock.now();
    const clocks = this.clocks.atOnce(await this.clocks.calendar(), now);
    const kind = inputs[0]?.source.kind;
    const known = kind ? await this.repo.leadIdsBySource(reader, kind, inputs.map((i) => i.source.ref)) : new Map<string, string>();
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
    if (fresh.length === 0) return { outcomes, rows: [], events: [] };
    // Duplicates among the stored leads and the earlier items, as one by one would find them.
    for (const candidate of await this.repo.duplicateCandidates(reader, fresh.map((f) => f.row))) earlier.add(candidate);
    for (const { row } of fresh) {
      row.duplicateOf = earlier.earliest(row)?.id ?? null;
      earlier.add(row);
    }
    const events = this.events.envelopes(fresh.flatMap(({ row, input }) => this.receivedEvents(row, input, actor, correlationId)));
    return { outcomes, rows: fresh.map((f) => f.row), events };
  }

  /** Writes prepared intakes in the caller's transaction; SourceRaceError when another intake stored one of their source ids meanwhile. */
  async storeMany(manager: EntityManager, prepared: PreparedIntakes): Promise<void> {
    if (prepared.rows.length === 0) return;
    const inserted = await this.repo.insertLeads(manager, prepared.rows);
    if (inserted !== prepared.rows.length) throw new SourceRaceError();
    await appendToOutbox(manager, prepared.events);
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

export interface PreparedIntakes {
  outcomes: IntakeOutcome[];
  rows: LeadRow[];
  events: EventEnvelope[];
}

/** Another intake stored one of the batch's source ids meanwhile: the batch is rolled back and run again. */
export class SourceRaceError extends Error {
  constructor() {
    super('a source id of the batch was stored concurrently');
  }
}

type DuplicateCandidate = Pick<LeadRow, 'id' | 'bureau' | 'subjectKey' | 'fingerprint' | 'receivedAt'>;

/** findDuplicateId's rule over candidates in memory: same bureau, subject and fingerprint, within the window, earliest first. */
export class DuplicateIndex {
  private readonly byKey = new Map<string, DuplicateCandidate[]>();

  add({ id, bureau, subjectKey, fingerprint, receivedAt }: DuplicateCandidate): void {
    // Only what the rule reads: an import keeps every earlier item of the file here.
    const candidate = { id, bureau, subjectKey, fingerprint, receivedAt };
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
