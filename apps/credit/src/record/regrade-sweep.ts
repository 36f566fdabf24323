import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { Actor } from '#libs/contracts';
import { appendToOutbox } from '#libs/messaging';
import { OperatorsRepository } from '../operators/operators.repository.js';
import { GradingService } from './grading.service.js';
import { RecordRepository } from './record.repository.js';

const BATCH = 200;
const DEADLOCK_DETECTED = '40P01';

export interface SweepTrigger {
  actor?: Actor;
  correlationId?: string;
}

export type SweepReport = { asOf: string; regraded: number; changed: number } | { asOf: string; alreadyRunning: true };

/**
 * Regrades the operators whose grade may have changed with no event (a penalty's publication
 * or a look-back window ended since their last grading), so stored grades — `?grade=` filters —
 * stay true. A changed grade is announced with `credit.graded` exactly as after an event.
 */
@Injectable()
export class RegradeSweep {
  private readonly logger = new Logger(RegradeSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordRepository,
    private readonly operators: OperatorsRepository,
    private readonly grading: GradingService,
  ) {}

  /**
   * One sweep per schema at a time across replicas (a session advisory lock, released by the
   * database if this process dies); a second caller returns at once. Each batch is its own
   * transaction and the grade rows it regrades are locked, so an event regrading the same
   * operator meanwhile waits and announces nothing twice. The batches run on the session that
   * holds the lock, never on a second pooled connection: with the rest of the pool taken (on a
   * two-connection pool, by the relay's LISTEN) that wait would never end.
   */
  async sweep(trigger: SweepTrigger = {}): Promise<SweepReport> {
    const today = this.grading.today();
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    try {
      const [{ locked }] = (await session.query(`SELECT pg_try_advisory_lock(hashtextextended(current_schema() || '.regrade-sweep', 0)) AS locked`)) as { locked: boolean }[];
      if (!locked) return { asOf: today, alreadyRunning: true };
      try {
        return await this.sweepBatches(session, today, trigger);
      } finally {
        await session.query(`SELECT pg_advisory_unlock(hashtextextended(current_schema() || '.regrade-sweep', 0))`);
      }
    } finally {
      await session.release();
    }
  }

  private async sweepBatches(session: QueryRunner, today: string, trigger: SweepTrigger): Promise<SweepReport> {
    let after = '';
    let regraded = 0;
    let changed = 0;
    for (;;) {
      const batch = await this.retryingDeadlocks(() => this.sweepBatch(session, today, after, trigger));
      if (batch.usccs.length === 0) break;
      regraded += batch.usccs.length;
      changed += batch.changed;
      after = batch.usccs[batch.usccs.length - 1]!;
    }
    if (changed > 0) this.logger.log(`regrade sweep ${today}: ${regraded} regraded, ${changed} changed`);
    return { asOf: today, regraded, changed };
  }

  /** The next due operators after `after`, regraded and announced in one transaction. */
  private sweepBatch(session: QueryRunner, today: string, after: string, trigger: SweepTrigger): Promise<{ usccs: string[]; changed: number }> {
    return session.manager.transaction(async (m) => {
      const usccs = await this.records.gradesDue(m, today, after, BATCH);
      if (usccs.length === 0) return { usccs, changed: 0 };
      const operators = await this.operators.findMany(m, usccs);
      const events = await this.grading.regradeAll(m, usccs, (uscc) => {
        const op = operators.get(uscc)!;
        const bureau = op.domicileBureau ?? op.firstSeenBureau;
        return { bureau, actor: trigger.actor ?? { username: 'credit', role: 'system', bureau }, correlationId: trigger.correlationId };
      });
      await appendToOutbox(m, events);
      return { usccs, changed: events.length };
    });
  }

  /**
   * An event transaction that regrades several operators locks them in its own order, so it can
   * deadlock with a batch; PostgreSQL then aborts one of the two. The event is redelivered; the
   * batch (nothing of it was written) is run again here rather than waiting for tomorrow.
   */
  private async retryingDeadlocks<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (e) {
        const error = e as { code?: string; driverError?: { code?: string } };
        if (attempt >= attempts || (error.code ?? error.driverError?.code) !== DEADLOCK_DETECTED) throw e;
      }
    }
  }
}
