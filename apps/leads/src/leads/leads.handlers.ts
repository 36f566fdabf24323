import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type {
  CommandMessage,
  CreateLeadDto,
  DecideLeadDto,
  EndLeadPauseDto,
  ExtendLeadDto,
  ListLeadsQueryDto,
  WorkQueueQueryDto,
  ReportBackLeadDto,
  ReporterNoticeDto,
  StartLeadPauseDto,
} from '#libs/contracts';
import { LeadQueriesService } from './lead-queries.service.js';
import { LeadsService } from './leads.service.js';

type Id = { id: string };

/** Gateway commands → services; translation only. */
@Controller()
export class LeadsHandlers {
  constructor(
    private readonly leads: LeadsService,
    private readonly queries: LeadQueriesService,
  ) {}

  @MessagePattern('leads.create')
  create(@Payload() cmd: CommandMessage<CreateLeadDto>) {
    return this.leads.create(cmd);
  }

  @MessagePattern('leads.get')
  get(@Payload() cmd: CommandMessage<Id>) {
    return this.queries.get(cmd.actor, cmd.data.id);
  }

  @MessagePattern('leads.clock')
  clock(@Payload() cmd: CommandMessage<Id>) {
    return this.queries.clockOf(cmd.actor, cmd.data.id);
  }

  @MessagePattern('leads.list')
  list(@Payload() cmd: CommandMessage<ListLeadsQueryDto>) {
    return this.queries.list(cmd);
  }

  @MessagePattern('leads.queue')
  queue(@Payload() cmd: CommandMessage<WorkQueueQueryDto>) {
    return this.queries.queue(cmd);
  }

  @MessagePattern('leads.pause')
  pause(@Payload() cmd: CommandMessage<StartLeadPauseDto & Id>) {
    return this.leads.pause(cmd);
  }

  @MessagePattern('leads.resume')
  resume(@Payload() cmd: CommandMessage<EndLeadPauseDto & Id>) {
    return this.leads.resume(cmd);
  }

  @MessagePattern('leads.extend')
  extend(@Payload() cmd: CommandMessage<ExtendLeadDto & Id>) {
    return this.leads.extend(cmd);
  }

  @MessagePattern('leads.decide')
  decide(@Payload() cmd: CommandMessage<DecideLeadDto & Id>) {
    return this.leads.decide(cmd);
  }

  @MessagePattern('leads.report_back')
  reportBack(@Payload() cmd: CommandMessage<ReportBackLeadDto & Id>) {
    return this.leads.reportBack(cmd);
  }

  @MessagePattern('leads.notify_reporter')
  notifyReporter(@Payload() cmd: CommandMessage<ReporterNoticeDto & Id>) {
    return this.leads.notifyReporter(cmd);
  }
}
