import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localDateOf } from '#libs/clock';
import { CREDIT_EVENTS, type Actor, type CreditGradedPayload, type EventEnvelope } from '#libs/contracts';
import { gradeAt, nextGradeChange, type GradeResult } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import type { OperatorGradeRow } from './record.entities.js';
import { RecordRepository } from './record.repository.js';

/** What a `credit.graded` event names as its origin: the event or command that led to the regrade. */
export interface GradeCause {
  bureau: string;
  actor: Actor;
  correlationId?: string;
}

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

  async regrade(m: EntityManager, uscc: string, cause: GradeCause): Promise<EventEnvelope | null> {
    return (await this.regradeAll(m, [uscc], () => cause))[0] ?? null;
  }

  /**
   * Recomputes today's grade of each operator and stores it with the date it may next change;
   * returns the `credit.graded` events to write in the same transaction, one per operator whose
   * grade differs from the last one announced. The stored grades are locked first, so the
   * record is read after any concurrent regrade of the same operator has committed.
   */
  async regradeAll(m: EntityManager, usccs: string[], causeOf: (uscc: string) => GradeCause): Promise<EventEnvelope[]> {
    const sorted = [...new Set(usccs)].sort();
    const previous = await this.records.lockStoredGrades(m, sorted);
    const records = await this.records.gradingRecords(m, sorted);
    const today = this.today();
    const rows: OperatorGradeRow[] = [];
    const events: EventEnvelope[] = [];
    for (const uscc of sorted) {
      const record = records.get(uscc)!;
      const result = gradeAt(record, today);
      rows.push({ uscc, grade: result.grade, score: result.score, ruleVersion: result.ruleVersion, factors: result.factors, asOf: result.asOf, nextChangeDate: nextGradeChange(record, today) });
      const before = previous.get(uscc)?.grade ?? null;
      if (before === result.grade) continue;
      const cause = causeOf(uscc);
      const payload: CreditGradedPayload = { uscc, previousGrade: before, ...result };
      events.push(
        newEvent(
          { type: CREDIT_EVENTS.graded, aggregateType: 'operator', aggregateId: uscc, bureau: cause.bureau, actor: cause.actor, payload, correlationId: cause.correlationId },
          this.clock.now(),
        ),
      );
    }
    await this.records.saveGrades(m, rows);
    return events;
  }
}
