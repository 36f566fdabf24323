import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CREDIT_EVENTS,
  type CreditListEnteredPayload,
  type CreditListRemovedPayload,
  type CreditRecordAddedPayload,
  type CreditRecordVoidedPayload,
  type CreditRepairDecidedPayload,
  type CreditRecordView,
  type CreditRepairRequestedPayload,
  type EventEnvelope,
  type InspectionDrawPublishedPayload,
  type InspectionPolicySetPayload,
  type OperatorRegisteredPayload,
  type OperatorUpdatedPayload,
} from '#libs/contracts';
import { InspectionDrawRow, InspectionPolicyRow } from '../inspections/inspection.entities.js';
import { fromOperatorView, OperatorRow } from '../operators/operator.entity.js';
import { CreditRecordRow, CreditRepairRow, ListEntryRow } from './record.entities.js';

type Applier = (manager: EntityManager, event: EventEnvelope) => Promise<string | null>;

async function insertIgnore<T extends object>(manager: EntityManager, entity: new () => T, values: T): Promise<boolean> {
  const result = await manager.createQueryBuilder().insert().into(entity).values(values as never).orIgnore().returning('*').execute();
  // ON CONFLICT DO NOTHING returns no row when the item was already there.
  return (result.raw as unknown[]).length > 0;
}

/**
 * Applies credit's own events to its tables. Commands apply an event in the transaction that
 * writes it to the outbox; the consumer applies the same event again when it comes back from
 * the stream, which is a no-op, and replaying the stream into an empty database rebuilds the
 * same record. Each applier returns the operator whose grade may have changed.
 */
@Injectable()
export class CreditProjection {
  private readonly appliers: Record<string, Applier> = {
    [CREDIT_EVENTS.operatorRegistered]: async (m, e) => {
      const { operator } = e.payload as OperatorRegisteredPayload;
      return (await insertIgnore(m, OperatorRow, fromOperatorView(operator))) ? operator.uscc : null;
    },
    [CREDIT_EVENTS.operatorUpdated]: async (m, e) => {
      const { operator } = e.payload as OperatorUpdatedPayload;
      await m.getRepository(OperatorRow).save(fromOperatorView(operator));
      return operator.uscc;
    },
    [CREDIT_EVENTS.recordAdded]: async (m, e) => {
      const { record } = e.payload as CreditRecordAddedPayload;
      return (await insertIgnore(m, CreditRecordRow, toRecordRow(record))) ? record.uscc : null;
    },
    [CREDIT_EVENTS.recordVoided]: async (m, e) => {
      const { record } = e.payload as CreditRecordVoidedPayload;
      if (!record.voided) return null;
      const result = await m
        .getRepository(CreditRecordRow)
        .createQueryBuilder()
        .update()
        .set({ voidedDate: record.voided.date, voidReason: record.voided.reason })
        .where('id = :id AND voided_date IS NULL', { id: record.id })
        .execute();
      return result.affected ? record.uscc : null;
    },
    [CREDIT_EVENTS.listEntered]: async (m, e) => {
      const { entry } = e.payload as CreditListEnteredPayload;
      const row: ListEntryRow = { ...entry, removedDate: null, removalReason: null };
      return (await insertIgnore(m, ListEntryRow, row)) ? entry.uscc : null;
    },
    [CREDIT_EVENTS.listRemoved]: async (m, e) => {
      const { entry } = e.payload as CreditListRemovedPayload;
      const result = await m
        .getRepository(ListEntryRow)
        .createQueryBuilder()
        .update()
        .set({ removedDate: entry.removedDate ?? null, removalReason: entry.removalReason ?? null })
        .where('id = :id AND removed_date IS NULL', { id: entry.id })
        .execute();
      return result.affected ? entry.uscc : null;
    },
    [CREDIT_EVENTS.repairRequested]: async (m, e) => {
      const { repair } = e.payload as CreditRepairRequestedPayload;
      await insertIgnore(m, CreditRepairRow, toRepairRow(repair));
      return null;
    },
    [CREDIT_EVENTS.repairDecided]: async (m, e) => {
      const { repair } = e.payload as CreditRepairDecidedPayload;
      await m.getRepository(CreditRepairRow).save(toRepairRow(repair));
      if (!repair.decision?.approved) return null;
      const result = await m
        .getRepository(CreditRecordRow)
        .createQueryBuilder()
        .update()
        .set({ repairedDate: repair.decision.decidedDate })
        .where('id = :id AND repaired_date IS NULL', { id: repair.recordId })
        .execute();
      return result.affected ? repair.uscc : null;
    },
    [CREDIT_EVENTS.policySet]: async (m, e) => {
      const { bureau, policy } = e.payload as InspectionPolicySetPayload;
      await m.getRepository(InspectionPolicyRow).save({ bureau, policy });
      return null;
    },
    [CREDIT_EVENTS.drawPublished]: async (m, e) => {
      const { draw } = e.payload as InspectionDrawPublishedPayload;
      await insertIgnore(m, InspectionDrawRow, {
        id: draw.id,
        campaign: draw.campaign,
        bureau: draw.bureau,
        seed: draw.seed,
        drawnAt: new Date(draw.drawnAt),
        drawnBy: draw.drawnBy,
        policy: draw.policy,
        result: { perGrade: draw.perGrade, items: draw.items },
      });
      return null;
    },
  };

  /** Event types this projection keeps (the consumer subscribes to exactly these). */
  static readonly TYPES = Object.values(CREDIT_EVENTS).filter((t) => t !== CREDIT_EVENTS.graded);

  async apply(manager: EntityManager, event: EventEnvelope): Promise<string | null> {
    const applier = this.appliers[event.type];
    return applier ? applier(manager, event) : null;
  }
}

function toRecordRow(record: CreditRecordView): CreditRecordRow {
  return {
    id: record.id,
    uscc: record.uscc,
    kind: record.kind,
    date: record.date,
    bureau: record.bureau,
    sourceKey: record.sourceKey,
    description: record.description,
    penalty: record.penalty ?? null,
    repairedDate: record.repairedDate ?? null,
    voidedDate: record.voided?.date ?? null,
    voidReason: record.voided?.reason ?? null,
  };
}

function toRepairRow(repair: CreditRepairRequestedPayload['repair']): CreditRepairRow {
  return {
    id: repair.id,
    uscc: repair.uscc,
    recordId: repair.recordId,
    reason: repair.reason,
    evidence: repair.evidence ?? null,
    status: repair.status,
    bureau: repair.bureau,
    requestedBy: repair.requestedBy,
    requestedAt: new Date(repair.requestedAt),
    decision: repair.decision ?? null,
  };
}
