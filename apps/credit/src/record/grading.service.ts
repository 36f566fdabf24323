import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf } from '#libs/clock';
import { CREDIT_EVENTS, type Actor, type CreditGradedPayload, type EventEnvelope } from '#libs/contracts';
import { gradeAt, type GradeResult } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { RecordRepository } from './record.repository.js';

/** Grades from the record; announces a changed grade with `credit.graded`. */
@Injectable()
export class GradingService {
  constructor(
    private readonly records: RecordRepository,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return localDateOf(this.clock.now());
  }

  async gradeOf(m: EntityManager, uscc: string, asOf: string): Promise<GradeResult> {
    const record = (await this.records.gradingRecords(m, [uscc])).get(uscc)!;
    return gradeAt(record, asOf);
  }

  /** Today's grade per operator (for draws and lists of many operators). */
  async gradesToday(m: EntityManager, usccs: string[]): Promise<Map<string, GradeResult>> {
    const today = this.today();
    const records = await this.records.gradingRecords(m, usccs);
    return new Map([...records].map(([uscc, record]) => [uscc, gradeAt(record, today)]));
  }

  /**
   * Recomputes today's grade and stores it; returns the `credit.graded` event to write in the
   * same transaction when the grade differs from the last one announced.
   */
  async regrade(m: EntityManager, uscc: string, cause: { bureau: string; actor: Actor; correlationId?: string }): Promise<EventEnvelope | null> {
    const result = await this.gradeOf(m, uscc, this.today());
    const previous = await this.records.storedGrade(m, uscc);
    await this.records.saveGrade(m, { uscc, grade: result.grade, score: result.score, ruleVersion: result.ruleVersion, factors: result.factors, asOf: result.asOf });
    if (previous?.grade === result.grade) return null;
    const payload: CreditGradedPayload = { uscc, previousGrade: previous?.grade ?? null, ...result };
    return newEvent(
      { type: CREDIT_EVENTS.graded, aggregateType: 'operator', aggregateId: uscc, bureau: cause.bureau, actor: cause.actor, payload, correlationId: cause.correlationId },
      this.clock.now(),
    );
  }
}
