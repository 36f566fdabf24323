import { Injectable } from '@nestjs/common';
import { isOnTime } from '#libs/clock';
import { COMPLAINT_EVENTS, type CommandMessage, type OdrAcceptanceDto, type OdrResultDto, type OdrRouteDto } from '#libs/contracts';
import { ComplaintWriter } from './complaint-writer.js';
import type { ComplaintView } from './complaint.view.js';
import { actionInstant } from './instants.js';

type Id = { id: string };

/**
 * ODR (在线消费纠纷解决): the complaint goes to an ODR member enterprise that settles directly.
 * Its acceptance and closure run on the rule set's acceptance (7 WD from routing) and mediation
 * (45 WD from its acceptance) periods, as no rule set gives ODR its own.
 * The enterprise's steps are recorded by the handler or the 12315 exchange (integration).
 */
@Injectable()
export class OdrService {
  constructor(private readonly writer: ComplaintWriter) {}

  route(cmd: CommandMessage<OdrRouteDto & Id>): Promise<ComplaintView> {
    return this.writer.change(cmd, 'route_odr', (row, _before, now) => {
      const at = actionInstant(cmd.data.routedAt, 'routedAt', now, { at: row.acceptanceStartAt, what: '本局收到投诉的时间' });
      row.odr = { enterprise: cmd.data.enterprise, routedAt: at.toISOString(), routedBy: cmd.actor.username };
      row.status = 'odr_routed';
      row.handler ??= cmd.actor.username;
      return { type: COMPLAINT_EVENTS.odrRouted, occurredAt: at, payload: { enterprise: cmd.data.enterprise, routedAt: at.toISOString() } };
    });
  }

  accept(cmd: CommandMessage<OdrAcceptanceDto & Id>): Promise<ComplaintView> {
    return this.writer.change(
      cmd,
      'odr_accept',
      (row, before, now) => {
        const odr = row.odr!;
        const at = actionInstant(cmd.data.acceptedAt, 'acceptedAt', now, { at: odr.routedAt, what: '转 ODR 的时间' });
        row.odr = { ...odr, acceptedAt: at.toISOString() };
        row.status = 'odr_accepted';
        const onTime = isOnTime(at, before.deadlines.odrAcceptance!.dueDate);
        return { type: COMPLAINT_EVENTS.odrAccepted, occurredAt: at, payload: { enterprise: odr.enterprise, acceptedAt: at.toISOString(), onTime } };
      },
      ['complaint_handler', 'integration'],
    );
  }

  close(cmd: CommandMessage<OdrResultDto & Id>): Promise<ComplaintView> {
    return this.writer.change(
      cmd,
      'odr_close',
      (row, before, now) => {
        const odr = row.odr!;
        const at = actionInstant(cmd.data.closedAt, 'closedAt', now, { at: odr.acceptedAt!, what: 'ODR 企业受理时间' });
        row.odr = { ...odr, closedAt: at.toISOString(), result: cmd.data.result };
        row.closedAt = at;
        row.status = 'odr_closed';
        const onTime = isOnTime(at, before.deadlines.odrClosure!.dueDate);
        return {
          type: COMPLAINT_EVENTS.odrClosed,
          occurredAt: at,
          payload: { enterprise: odr.enterprise, result: cmd.data.result, closedAt: at.toISOString(), onTime },
        };
      },
      ['complaint_handler', 'integration'],
    );
  }
}
