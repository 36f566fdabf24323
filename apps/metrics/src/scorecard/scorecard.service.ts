import { Injectable } from '@nestjs/common';
import { METRICS_EVENTS, type CommandMessage, type ScoreItemCommand, type ScorecardQuery, type ScorecardReply } from '#libs/contracts';
import { checkScorecardEntry, computeScorecard, ValidationError, type ScorecardEntry } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { assertAdmin, assertReader, assertScope } from '../indicators/indicator-access.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { ScorecardRepository } from './scorecard.repository.js';

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2200) throw ValidationError.field('year', 'isYear', '年度应为 2000–2200 之间的整数');
}

/** The 41-indicator assessment (annex 2): live parts from the year's figures, the rest as entered. */
@Injectable()
export class ScorecardService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: ScorecardRepository,
    private readonly clock: Clock,
  ) {}

  async scorecard({ actor, data }: CommandMessage<ScorecardQuery>): Promise<ScorecardReply> {
    assertReader(actor);
    assertScope(actor, data);
    checkYear(data.year);
    const [met, entries] = await Promise.all([
      this.indicators.metByCode(data.bureaus, `${data.year}-01-01`, `${data.year}-12-31`),
      this.repository.entries(data.bureau, data.year),
    ]);
    return { bureau: data.bureau, year: data.year, ...computeScorecard(met, entries) };
  }

  async scoreItem({ actor, requestId, data }: CommandMessage<ScoreItemCommand & { bureau: string; bureaus: string[] }>): Promise<ScorecardEntry> {
    assertAdmin(actor);
    assertScope(actor, data);
    checkYear(data.year);
    checkScorecardEntry(data.code, data.score);
    const now = this.clock.now();
    const entry: ScorecardEntry = { code: data.code, score: data.score, source: data.source, evidence: data.evidence ?? null, enteredBy: actor.username, enteredAt: now.toISOString() };
    await this.repository.transaction(async (manager) => {
      await this.repository.save(manager, data.bureau, data.year, entry);
      const payload = { year: data.year, code: data.code, score: data.score, source: data.source, evidence: entry.evidence ?? null };
      await appendToOutbox(manager, [
        newEvent({ type: METRICS_EVENTS.scorecardItemScored, aggregateType: 'scorecard', aggregateId: `${data.bureau}:${data.year}`, bureau: data.bureau, actor, payload, correlationId: requestId }, now),
      ]);
    });
    return entry;
  }
}
