import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseSnapshot, ComplaintSnapshot, EventEnvelope, LeadSnapshot } from '#libs/contracts';
import { factsFromCase, factsFromComplaint, factsFromLead, type IndicatorFact, type RecordKind } from '#libs/domain';
import { PermanentEventError } from '#libs/messaging';
import { ProjectionRepository, type RecordSnapshot } from './projection.repository.js';

const KINDS: Record<string, RecordKind> = { lead: 'lead', case: 'case', complaint: 'complaint' };

function derive(kind: RecordKind, snapshot: unknown): IndicatorFact[] {
  switch (kind) {
    case 'lead':
      return factsFromLead(snapshot as LeadSnapshot);
    case 'case':
      return factsFromCase({ ...(snapshot as CaseSnapshot), reviews: (snapshot as CaseSnapshot).reviews ?? [] });
    case 'complaint':
      return factsFromComplaint(snapshot as ComplaintSnapshot);
  }
}

/**
 * Turns any lead/case/complaint event into the record's fact rows. Every such event carries the
 * record's snapshot after the change, so order does not matter: the newest snapshot wins.
 */
@Injectable()
export class ProjectionService {
  constructor(private readonly repository: ProjectionRepository) {}

  /** The snapshot an event carries, with its facts; a `PermanentEventError` if it carries none readable. */
  snapshotOf(event: EventEnvelope): RecordSnapshot {
    const kind = KINDS[event.type.split('.')[0]];
    const snapshot = (event.payload as { snapshot?: { id?: unknown; bureau?: unknown } } | null)?.snapshot;
    if (!kind || !snapshot || typeof snapshot.id !== 'string' || typeof snapshot.bureau !== 'string') {
      throw new PermanentEventError(`${event.type} ${event.id} carries no record snapshot`);
    }
    try {
      return { kind, id: snapshot.id, bureau: snapshot.bureau, snapshot, eventId: event.id, recordedAt: event.recordedAt, facts: derive(kind, snapshot) };
    } catch (err) {
      // A snapshot with unreadable dates will never become readable: dead-letter it.
      throw new PermanentEventError(`${event.type} ${event.id}: ${(err as Error).message}`);
    }
  }

  /**
   * Projects a batch of snapshots in any order with a few statements: per record the newest one
   * wins, against the batch and against what is stored. Returns how many records changed.
   */
  async project(manager: EntityManager, snapshots: readonly RecordSnapshot[]): Promise<number> {
    const stored = await this.repository.upsertRecords(manager, snapshots);
    await this.repository.replaceFacts(manager, stored);
    return stored.length;
  }
}
