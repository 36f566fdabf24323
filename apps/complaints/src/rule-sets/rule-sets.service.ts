import { Injectable } from '@nestjs/common';
import { COMPLAINT_ORDER_121_RULES, ruleSetById, ruleSetFor, type ConfirmedRuleValues, type Instant, type RuleSet } from '#libs/clock';
import { RULE_SET_CONFIRMED, type CommandMessage, type ConfirmRuleSetDto, type RuleSetConfirmedPayload } from '#libs/contracts';
import { ForbiddenError, ValidationError } from '#libs/domain';
import { appendToOutbox, newEvent } from '#libs/messaging';
import { Clock } from '#libs/service-kit';
import { RuleSetsRepository } from './rule-sets.repository.js';

export interface RuleSetView {
  id: string;
  version: number;
  title: string;
  effectiveFrom: string;
  unconfirmed: boolean;
  confirmedBy?: string;
  confirmedAt?: string;
  periods: Record<string, { length: number; unit: string; basis: string }>;
}

function toView(rules: RuleSet): RuleSetView {
  return {
    id: rules.id,
    version: rules.version,
    title: rules.title,
    effectiveFrom: rules.effectiveFrom,
    unconfirmed: rules.unconfirmed,
    ...(rules.confirmedBy ? { confirmedBy: rules.confirmedBy } : {}),
    ...(rules.confirmedAt ? { confirmedAt: rules.confirmedAt } : {}),
    periods: Object.fromEntries(Object.entries(rules.periods).map(([k, p]) => [k, { length: p.length, unit: p.unit, basis: p.basis }])),
  };
}

/**
 * Complaint rule sets by date of receipt (#libs/clock) plus the admin's confirmations kept in
 * this service's database. Records store the version they started under.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly repository: RuleSetsRepository,
    private readonly clock: Clock,
  ) {}

  confirmations(): Promise<ConfirmedRuleValues[]> {
    return this.repository.all();
  }

  async forReceipt(receivedAt: Instant): Promise<RuleSet<'complaint'>> {
    return ruleSetFor('complaint', receivedAt, await this.confirmations());
  }

  async byRef(id: string, version: number): Promise<RuleSet<'complaint'>> {
    return ruleSetById(id, version, await this.confirmations()) as RuleSet<'complaint'>;
  }

  async currentOrder121(): Promise<RuleSetView> {
    return toView(await this.forReceipt(COMPLAINT_ORDER_121_RULES.effectiveFrom));
  }

  /** `PUT /api/v1/rule-sets/order-121`: a new confirmed version; earlier records keep theirs. */
  async confirmOrder121(cmd: CommandMessage<ConfirmRuleSetDto>): Promise<RuleSetView> {
    if (cmd.actor.role !== 'admin') throw new ForbiddenError('仅管理员可确认规则');
    const periods = Object.fromEntries(
      Object.entries(cmd.data.periods ?? {}).filter(([, v]) => v !== undefined && v !== null),
    ) as RuleSetConfirmedPayload['periods'];
    if (Object.keys(periods).length === 0) throw ValidationError.field('periods', 'isNotEmpty', 'periods：至少确认一个期限');
    const now = this.clock.now();
    const id = COMPLAINT_ORDER_121_RULES.id;
    return this.repository.transaction(async (manager) => {
      const version = await this.repository.lockAndNextVersion(manager, id, COMPLAINT_ORDER_121_RULES.version);
      const confirmation: ConfirmedRuleValues = { ruleSetId: id, version, periods, confirmedBy: cmd.actor.username, confirmedAt: now };
      // Validates the merged values (a ClockError is a 400) before anything is written.
      const confirmed = ruleSetById(id, version, [confirmation]);
      await this.repository.insert(manager, { ruleSetId: id, version, periods, confirmedBy: cmd.actor.username, confirmedAt: now });
      const payload: RuleSetConfirmedPayload = { ruleSetId: id, version, periods, confirmedBy: cmd.actor.username, confirmedAt: now.toISOString() };
      await appendToOutbox(manager, [
        newEvent({ type: RULE_SET_CONFIRMED, aggregateType: 'rule_set', aggregateId: id, bureau: cmd.actor.bureau, actor: cmd.actor, payload, correlationId: cmd.requestId }, now),
      ]);
      return toView(confirmed);
    });
  }
}
