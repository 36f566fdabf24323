import { Injectable } from '@nestjs/common';
import { isOnTime } from '#libs/clock';
import {
  COMPLAINT_EVENTS,
  type CloseComplaintDto,
  type CommandMessage,
  type ComplaintViolationFoundPayload,
  type EndPauseDto,
  type MediationPauseDto,
  type MediationResultDto,
  type RatingDto,
  type ViolationDto,
} from '#libs/contracts';
import { IllegalTransitionError, ValidationError } from '#libs/domain';
import type { MediationPause } from './complaint.entity.js';
import { ComplaintWriter } from './complaint-writer.js';
import type { ComplaintView } from './complaint.view.js';
import { actionInstant } from './instants.js';

type Id = { id: string };

function lastPauseEnd(pauses: MediationPause[]): string | undefined {
  return pauses.filter((p) => p.endedAt).at(-1)?.endedAt ?? undefined;
}

/** Mediation (调解) within 45 WD of acceptance, testing time excluded; closure; satisfaction. */
@Injectable()
export class MediationService {
  constructor(private readonly writer: ComplaintWriter) {}

  pause(cmd: CommandMessage<MediationPauseDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'pause', (row, before, now) => {
      const allowed = before.rules.periods.mediation.excludedReasons ?? [];
      if (!allowed.includes(cmd.data.reason)) {
        throw ValidationError.field('reason', 'isIn', `reason：调解期限只因${allowed.join('、') || '（无）'}中止`);
      }
      const previous = lastPauseEnd(row.mediationPauses) ?? row.acceptanceDecidedAt!;
      const at = actionInstant(cmd.data.startedAt, 'startedAt', now, { at: previous, what: '受理或上次中止结束的时间' });
      row.mediationPauses = [...row.mediationPauses, { reason: cmd.data.reason, startedAt: at.toISOString(), endedAt: null, recordedBy: cmd.actor.username }];
      row.status = 'paused';
      return { type: COMPLAINT_EVENTS.mediationPaused, occurredAt: at, payload: { reason: cmd.data.reason, startedAt: at.toISOString() } };
    });
  }

  resume(cmd: CommandMessage<EndPauseDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'resume', (row, _before, now) => {
      const open = row.mediationPauses.at(-1)!;
      const at = actionInstant(cmd.data.endedAt, 'endedAt', now, { at: open.startedAt, what: '中止开始时间' });
      row.mediationPauses = [...row.mediationPauses.slice(0, -1), { ...open, endedAt: at.toISOString() }];
      row.status = 'mediating';
      return { type: COMPLAINT_EVENTS.mediationResumed, occurredAt: at, payload: { reason: open.reason, startedAt: open.startedAt, endedAt: at.toISOString() } };
    });
  }

  end(cmd: CommandMessage<MediationResultDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'end_mediation', (row, _before, now) => {
      const open = row.status === 'paused' ? row.mediationPauses.at(-1) : undefined;
      const previous = open?.startedAt ?? lastPauseEnd(row.mediationPauses) ?? row.acceptanceDecidedAt!;
      const at = actionInstant(cmd.data.endedAt, 'endedAt', now, { at: previous, what: '受理或中止的时间' });
      if (open) row.mediationPauses = [...row.mediationPauses.slice(0, -1), { ...open, endedAt: at.toISOString() }];
      row.mediationResult = cmd.data.result;
      row.mediationEndedAt = at;
      row.status = 'mediation_ended';
      // Judged against the clock with the pause closed at the end date.
      return {
        type: COMPLAINT_EVENTS.mediationEnded,
        occurredAt: at,
        payload: (after) => ({ result: cmd.data.result, endedAt: at.toISOString(), onTime: isOnTime(at, after.deadlines.mediation!.dueDate) }),
      };
    });
  }

  /** 办结: mediation ended and the consumer informed (due 7 WD after the end). */
  close(cmd: CommandMessage<CloseComplaintDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'close', (row, before, now) => {
      const at = actionInstant(cmd.data.closedAt, 'closedAt', now, { at: row.mediationEndedAt!, what: '调解终止时间' });
      row.closedAt = at;
      row.status = 'closed';
      const onTime = isOnTime(at, before.deadlines.terminationNotice!.dueDate);
      return { type: COMPLAINT_EVENTS.closed, occurredAt: at, payload: { closedAt: at.toISOString(), onTime } };
    });
  }

  rate(cmd: CommandMessage<RatingDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'rate', (row, _before, now) => {
      if (row.satisfaction !== null) throw new IllegalTransitionError('rated', '消费者已评价');
      const closedAt = row.closedAt ?? (row.odr?.closedAt ? new Date(row.odr.closedAt) : now);
      const at = actionInstant(cmd.data.ratedAt, 'ratedAt', now, { at: closedAt, what: '办结时间' });
      row.satisfaction = cmd.data.satisfaction;
      row.satisfactionScore = cmd.data.score ?? null;
      row.ratedAt = at;
      return {
        type: COMPLAINT_EVENTS.rated,
        occurredAt: at,
        payload: { satisfaction: cmd.data.satisfaction, ...(cmd.data.score !== undefined ? { score: cmd.data.score } : {}), ratedAt: at.toISOString() },
      };
    });
  }

  /** A violation found while mediating becomes a lead (channel `complaint`) in the leads service. */
  violation(cmd: CommandMessage<ViolationDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'record_violation', (row, _before, now) => {
      if (row.violation !== null) throw new IllegalTransitionError('violation_recorded', '该投诉已登记违法线索');
      const at = actionInstant(cmd.data.foundAt, 'foundAt', now, { at: row.acceptanceDecidedAt!, what: '受理时间' });
      row.violation = { title: cmd.data.title, ...(cmd.data.description ? { description: cmd.data.description } : {}), foundAt: at.toISOString(), recordedBy: cmd.actor.username };
      const { uscc, name, platform, storeUrl } = row.operator;
      const subject = Object.fromEntries(Object.entries({ uscc, name, platform, storeUrl }).filter(([, v]) => v !== undefined));
      return {
        type: COMPLAINT_EVENTS.violationFound,
        occurredAt: at,
        payload: {
          complaintId: row.id,
          bureau: row.bureau,
          online: row.online,
          foundAt: at.toISOString(),
          title: cmd.data.title,
          ...(cmd.data.description ? { description: cmd.data.description } : {}),
          subject,
        } satisfies ComplaintViolationFoundPayload,
      };
    });
  }
}
