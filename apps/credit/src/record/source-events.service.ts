import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { EntityManager } from 'typeorm';
import { localDateOf } from '#libs/clock';
import { CREDIT_EVENTS, type Actor, type CaseSnapshot, type CreditRecordView, type EventEnvelope } from '#libs/contracts';
import { describePenalties, isLightPenalty, isValidUscc, normaliseUscc, publicationEnd, reviewRevokesDecision } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { CreditConfig } from '../credit.config.js';
import { OperatorsRepository } from '../operators/operators.repository.js';
import { OperatorsService, type FirstContact } from '../operators/operators.service.js';
import { CreditWriter } from './credit-writer.js';
import { RecordRepository } from './record.repository.js';
import { toRecordView } from './record.service.js';
import type { CaseDecidedEventPayload, CaseReviewEventPayload, ComplaintEventPayload, LeadEventPayload, SoftMeasureEventPayload } from './source-events.js';

/** Fixed namespace: a record's id follows from its source, so a replay rebuilds the same ids. */
const RECORD_NAMESPACE = '6f1c2a4e-8d7b-4c1e-9a55-3b0e2d9c7f10';
const CREDIT_ACTOR = (bureau: string): Actor => ({ username: 'credit', role: 'system', bureau });

function usccOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const uscc = normaliseUscc(value);
  return isValidUscc(uscc) ? uscc : null;
}

/** Turns other services' facts into credit records and first-contact registrations. */
@Injectable()
export class SourceEventsService {
  constructor(
    private readonly operators: OperatorsService,
    private readonly operatorRows: OperatorsRepository,
    private readonly records: RecordRepository,
    private readonly writer: CreditWriter,
    private readonly config: CreditConfig,
    private readonly clock: Clock,
  ) {}

  async leadReceived(m: EntityManager, event: EventEnvelope<LeadEventPayload>): Promise<void> {
    const s = event.payload.snapshot;
    const uscc = usccOrNull(s?.subjectUscc);
    if (uscc) await this.operators.registerFirstContact(m, this.contact(event, uscc, s?.subjectName, 'lead'));
  }

  async complaintChanged(m: EntityManager, event: EventEnvelope<ComplaintEventPayload>): Promise<void> {
    const s = event.payload.snapshot;
    const uscc = usccOrNull(s?.operatorUscc);
    if (!s || !uscc) return;
    await this.operators.registerFirstContact(m, this.contact(event, uscc, s.operatorName, 'complaint'));
    await this.records.upsertComplaint(m, {
      complaintId: s.id,
      uscc,
      bureau: s.bureau,
      receivedDate: s.receivedDate ?? localDateOf(s.receivedAt),
      mediationResult: s.mediationResult ?? null,
      mediationEndedDate: s.mediationEndedAt ? localDateOf(s.mediationEndedAt) : null,
    });
    await this.writer.regrade(m, uscc, event);
  }

  /**
   * A penalty decision becomes a published penalty record (light: 3 months, else 3 years); a
   * decision of `revoked` voids the penalty record the case made before, if any.
   */
  async caseDecided(m: EntityManager, event: EventEnvelope<CaseDecidedEventPayload>): Promise<void> {
    const s = event.payload.snapshot;
    if (!s) return;
    const decidedAt = event.payload.decidedAt ?? s.decidedAt ?? event.occurredAt;
    if (s.decision?.result === 'revoked') {
      await this.voidCasePenalty(m, event, s.id, localDateOf(decidedAt), '案件决定撤销，原行政处罚决定不再有效');
      return;
    }
    await this.recordCasePenalty(m, event, s, decidedAt);
  }

  /** 行政复议 撤销: the penalty record of the revoked decision is voided from the conclusion date. */
  async caseReviewConcluded(m: EntityManager, event: EventEnvelope<CaseReviewEventPayload>): Promise<void> {
    const p = event.payload;
    const s = p.snapshot;
    if (!s || !p.kind || !p.outcome || !reviewRevokesDecision(p.kind, p.outcome)) return;
    // The stream's order is best effort: a review may arrive before its decision, which the snapshot still carries.
    if (s.decidedAt) await this.recordCasePenalty(m, event, s, s.decidedAt);
    const concluded = localDateOf(p.concludedAt ?? event.occurredAt);
    await this.voidCasePenalty(m, event, s.id, concluded, `行政复议决定撤销原行政处罚决定（${concluded}）`);
  }

  private async recordCasePenalty(m: EntityManager, event: EventEnvelope, s: CaseSnapshot, decidedAt: string): Promise<void> {
    const uscc = usccOrNull(s.subjectUscc);
    if (!uscc || s.decision?.result !== 'penalty' || s.decision.penalties.length === 0) return;
    const sourceKey = `case:${s.id}`;
    if (await this.records.recordBySource(m, sourceKey)) return;
    await this.operators.registerFirstContact(m, this.contact(event, uscc, s.subjectName, 'case'));
    const decidedDate = localDateOf(decidedAt);
    const penalties = s.decision.penalties.map((p) => ({ type: p.type, ...(p.amount !== undefined ? { amount: p.amount } : {}) }));
    const light = isLightPenalty(penalties, this.config.CREDIT_LIGHT_FINE_THRESHOLD_CNY);
    const operator = await this.operatorRows.find(uscc, m);
    const record: CreditRecordView = {
      id: uuidv5(sourceKey, RECORD_NAMESPACE),
      uscc,
      kind: 'penalty',
      date: decidedDate,
      bureau: s.bureau,
      sourceKey,
      description: `行政处罚：${describePenalties(penalties)}`,
      penalty: { caseId: s.id, penalties, light, publicationEnd: publicationEnd(decidedDate, light), sector: operator?.sector ?? 'general' },
    };
    await this.writer.publish(m, [this.recordEvent(CREDIT_EVENTS.recordAdded, record, event)]);
  }

  /** Keeps the record for history, marked void with the date and reason; it stops counting from that date. */
  private async voidCasePenalty(m: EntityManager, cause: EventEnvelope, caseId: string, date: string, reason: string): Promise<void> {
    const row = await this.records.recordBySource(m, `case:${caseId}`);
    if (!row || row.voidedDate) return;
    const record: CreditRecordView = { ...toRecordView(row), voided: { date, reason } };
    await this.writer.publish(m, [this.recordEvent(CREDIT_EVENTS.recordVoided, record, cause)]);
  }

  async softMeasureRecorded(m: EntityManager, event: EventEnvelope<SoftMeasureEventPayload>): Promise<void> {
    const p = event.payload;
    const uscc = usccOrNull(p.operatorUscc);
    if (!uscc) return;
    const sourceKey = `soft_measure:${p.id ?? event.id}`;
    if (await this.records.recordBySource(m, sourceKey)) return;
    await this.operators.registerFirstContact(m, this.contact(event, uscc, undefined, 'soft_measure'));
    const record: CreditRecordView = {
      id: uuidv5(sourceKey, RECORD_NAMESPACE),
      uscc,
      kind: 'soft_measure',
      date: localDateOf(p.at ?? event.occurredAt),
      bureau: p.bureau ?? event.bureau,
      sourceKey,
      description: `${p.kind ?? 'soft_measure'}${p.note ? `：${p.note}` : ''}${p.caseId ? `（案件 ${p.caseId}）` : ''}`,
    };
    await this.writer.publish(m, [this.recordEvent(CREDIT_EVENTS.recordAdded, record, event)]);
  }

  private recordEvent(type: string, record: CreditRecordView, cause: EventEnvelope) {
    return newEvent(
      { type, aggregateType: 'operator', aggregateId: record.uscc, bureau: record.bureau, actor: CREDIT_ACTOR(cause.bureau), payload: { record }, correlationId: cause.correlationId, occurredAt: cause.occurredAt },
      this.clock.now(),
    );
  }

  private contact(event: EventEnvelope, uscc: string, name: string | undefined, from: FirstContact['from']): FirstContact {
    return { uscc, name, bureau: event.bureau, from, actor: CREDIT_ACTOR(event.bureau), correlationId: event.correlationId };
  }
}
