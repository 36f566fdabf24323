import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isOnTime, localDateOf } from '#libs/clock';
import {
  COMPLAINT_EVENTS,
  type AcceptanceDto,
  type CommandMessage,
  type CreateComplaintDto,
  type ForwardDto,
} from '#libs/contracts';
import { complaintJurisdiction, isRefusalReason, isValidUscc, normaliseUscc, ValidationError } from '#libs/domain';
import { Clock } from '#libs/service-kit';
import { RuleSetsService } from '../rule-sets/rule-sets.service.js';
import { requireRole } from './access.js';
import { ComplaintRow, type OperatorData } from './complaint.entity.js';
import { ComplaintWriter } from './complaint-writer.js';
import type { ComplaintView } from './complaint.view.js';
import { ConsumerData } from './consumer-data.js';
import { actionInstant } from './instants.js';

type Id = { id: string };

function operatorOf(dto: CreateComplaintDto['operator']): OperatorData {
  const op: OperatorData = Object.fromEntries(Object.entries(dto ?? {}).filter(([, v]) => v !== undefined && v !== '')) as OperatorData;
  if (op.uscc !== undefined) {
    op.uscc = normaliseUscc(op.uscc);
    if (!isValidUscc(op.uscc)) throw new ValidationError('INVALID_USCC', '统一社会信用代码校验位错误', [{ field: 'operator.uscc', code: 'isUscc', message: '统一社会信用代码校验位错误' }]);
  }
  if (!op.uscc && !op.name && !op.storeUrl) {
    throw ValidationError.field('operator', 'isNotEmpty', 'operator：须提供统一社会信用代码，或名称/店铺网址');
  }
  return op;
}

/** Intake (登记), forwarding (移送) and the acceptance decision (受理/不予受理). */
@Injectable()
export class IntakeService {
  constructor(
    private readonly writer: ComplaintWriter,
    private readonly ruleSets: RuleSetsService,
    private readonly consumers: ConsumerData,
    private readonly clock: Clock,
  ) {}

  async create(cmd: CommandMessage<CreateComplaintDto>, options: { demo?: boolean } = {}): Promise<ComplaintView> {
    requireRole(cmd.actor, ['complaint_handler', 'integration'], '登记投诉');
    const dto = cmd.data;
    const now = this.clock.now();
    const receivedAt = actionInstant(dto.receivedAt, 'receivedAt', now);
    const operator = operatorOf(dto.operator);
    const rules = await this.ruleSets.forReceipt(receivedAt);
    const jurisdiction = complaintJurisdiction({
      kind: operator.kind ?? 'other',
      ...(operator.domicileBureau ? { domicileBureau: operator.domicileBureau } : {}),
      ...(operator.businessBureau ? { businessBureau: operator.businessBureau } : {}),
      ...(operator.platformDomicileBureau ? { platformDomicileBureau: operator.platformDomicileBureau } : {}),
      ...(operator.reachable !== undefined ? { sellerReachable: operator.reachable } : {}),
      receivedDate: localDateOf(receivedAt),
    });
    const row = Object.assign(new ComplaintRow(), {
      id: randomUUID(),
      bureau: cmd.actor.bureau,
      originBureau: cmd.actor.bureau,
      previousBureaus: [],
      forwards: [],
      online: dto.online,
      channel: dto.channel ?? '12315',
      status: 'received',
      handler: cmd.actor.role === 'complaint_handler' ? cmd.actor.username : null,
      receivedAt,
      acceptanceStartAt: receivedAt,
      ...this.consumers.seal(dto.consumer),
      operator,
      competentBureaus: jurisdiction.bureaus,
      jurisdictionBasis: jurisdiction.basis,
      description: dto.description,
      amount: dto.amount ?? null,
      accepted: null,
      refusalReason: null,
      acceptanceDecidedAt: null,
      mediationPauses: [],
      mediationResult: null,
      mediationEndedAt: null,
      closedAt: null,
      satisfaction: null,
      satisfactionScore: null,
      ratedAt: null,
      odr: null,
      violation: null,
      ruleSetId: rules.id,
      ruleSetVersion: rules.version,
      demo: options.demo ?? false,
    } satisfies Partial<ComplaintRow>);
    return this.writer.create(cmd, row, { type: COMPLAINT_EVENTS.received, payload: { competentBureaus: jurisdiction.bureaus } });
  }

  /**
   * 移送 to the bureau with jurisdiction. The acceptance period restarts on the receiving
   * bureau's receipt (暂行办法: the bureau with jurisdiction decides within 7 WD of receiving it).
   */
  forward(cmd: CommandMessage<ForwardDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'forward', (row, _before, now) => {
      const { toBureau } = cmd.data;
      if (toBureau === row.bureau) throw ValidationError.field('toBureau', 'sameBureau', 'toBureau：不能移送给本局');
      if (row.competentBureaus.length > 0 && !row.competentBureaus.includes(toBureau)) {
        throw ValidationError.field('toBureau', 'noJurisdiction', `toBureau：${toBureau} 对该投诉无管辖权（有管辖权：${row.competentBureaus.join('、')}）`);
      }
      const at = actionInstant(cmd.data.forwardedAt, 'forwardedAt', now, { at: row.acceptanceStartAt, what: '本局收到投诉的时间' });
      const from = row.bureau;
      row.forwards = [...row.forwards, { from, to: toBureau, at: at.toISOString(), by: cmd.actor.username }];
      row.previousBureaus = [...new Set([...row.previousBureaus, from])].filter((b) => b !== toBureau);
      row.bureau = toBureau;
      row.acceptanceStartAt = at;
      row.handler = null;
      return { type: COMPLAINT_EVENTS.forwarded, occurredAt: at, payload: { fromBureau: from, toBureau, forwardedAt: at.toISOString() } };
    });
  }

  decide(cmd: CommandMessage<AcceptanceDto & Id>): Promise<ComplaintView> {
    const { accepted, reason } = cmd.data;
    if (typeof accepted !== 'boolean') throw ValidationError.field('accepted', 'isBoolean', 'accepted：必须是布尔值');
    if (!accepted && !isRefusalReason(reason)) throw ValidationError.field('reason', 'isIn', 'reason：不予受理须从规定的理由中选择');
    if (accepted && reason !== undefined) throw ValidationError.field('reason', 'notAllowed', 'reason：仅不予受理时填写');
    return this.writer.change(cmd, accepted ? 'accept' : 'reject', (row, before, now) => {
      const at = actionInstant(cmd.data.decidedAt, 'decidedAt', now, { at: row.acceptanceStartAt, what: '本局收到投诉的时间' });
      const onTime = isOnTime(at, before.deadlines.acceptance.dueDate);
      row.accepted = accepted;
      row.acceptanceDecidedAt = at;
      row.handler = cmd.actor.username;
      if (accepted) {
        row.status = 'mediating';
        return { type: COMPLAINT_EVENTS.accepted, occurredAt: at, payload: { decidedAt: at.toISOString(), onTime } };
      }
      row.status = 'rejected';
      row.refusalReason = reason!;
      return { type: COMPLAINT_EVENTS.rejected, occurredAt: at, payload: { decidedAt: at.toISOString(), reason: reason!, onTime } };
    });
  }
}
