import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type {
  AcceptanceDto,
  CloseComplaintDto,
  CommandMessage,
  CreateComplaintDto,
  EndPauseDto,
  ForwardDto,
  ListComplaintsQueryDto,
  MediationPauseDto,
  MediationResultDto,
  OdrAcceptanceDto,
  OdrResultDto,
  OdrRouteDto,
  RatingDto,
  ViolationDto,
} from '#libs/contracts';
import { ComplaintQueriesService } from './complaint-queries.service.js';
import { IntakeService } from './intake.service.js';
import { MediationService } from './mediation.service.js';
import { OdrService } from './odr.service.js';
import { RebaseService } from './rebase.service.js';

type Id = { id: string };

/** Gateway commands → services; translation only. */
@Controller()
export class ComplaintsHandlers {
  constructor(
    private readonly intake: IntakeService,
    private readonly mediation: MediationService,
    private readonly odr: OdrService,
    private readonly rebaser: RebaseService,
    private readonly queries: ComplaintQueriesService,
  ) {}

  @MessagePattern('complaints.create')
  create(@Payload() cmd: CommandMessage<CreateComplaintDto>) {
    return this.intake.create(cmd);
  }

  @MessagePattern('complaints.forward')
  forward(@Payload() cmd: CommandMessage<ForwardDto & Id>) {
    return this.intake.forward(cmd);
  }

  @MessagePattern('complaints.decide_acceptance')
  decide(@Payload() cmd: CommandMessage<AcceptanceDto & Id>) {
    return this.intake.decide(cmd);
  }

  @MessagePattern('complaints.pause_mediation')
  pause(@Payload() cmd: CommandMessage<MediationPauseDto & Id>) {
    return this.mediation.pause(cmd);
  }

  @MessagePattern('complaints.resume_mediation')
  resume(@Payload() cmd: CommandMessage<EndPauseDto & Id>) {
    return this.mediation.resume(cmd);
  }

  @MessagePattern('complaints.end_mediation')
  endMediation(@Payload() cmd: CommandMessage<MediationResultDto & Id>) {
    return this.mediation.end(cmd);
  }

  @MessagePattern('complaints.close')
  close(@Payload() cmd: CommandMessage<CloseComplaintDto & Id>) {
    return this.mediation.close(cmd);
  }

  @MessagePattern('complaints.rate')
  rate(@Payload() cmd: CommandMessage<RatingDto & Id>) {
    return this.mediation.rate(cmd);
  }

  @MessagePattern('complaints.record_violation')
  violation(@Payload() cmd: CommandMessage<ViolationDto & Id>) {
    return this.mediation.violation(cmd);
  }

  @MessagePattern('complaints.route_odr')
  routeOdr(@Payload() cmd: CommandMessage<OdrRouteDto & Id>) {
    return this.odr.route(cmd);
  }

  @MessagePattern('complaints.odr_accept')
  odrAccept(@Payload() cmd: CommandMessage<OdrAcceptanceDto & Id>) {
    return this.odr.accept(cmd);
  }

  @MessagePattern('complaints.odr_close')
  odrClose(@Payload() cmd: CommandMessage<OdrResultDto & Id>) {
    return this.odr.close(cmd);
  }

  @MessagePattern('complaints.rebase')
  rebase(@Payload() cmd: CommandMessage<Id>) {
    return this.rebaser.rebase(cmd);
  }

  @MessagePattern('complaints.get')
  get(@Payload() cmd: CommandMessage<Id>) {
    return this.queries.get(cmd);
  }

  @MessagePattern('complaints.list')
  list(@Payload() cmd: CommandMessage<ListComplaintsQueryDto>) {
    return this.queries.list(cmd);
  }

  @MessagePattern('complaints.queue')
  queue(@Payload() cmd: CommandMessage<unknown>) {
    return this.queries.queue(cmd);
  }

  @MessagePattern('complaints.clock')
  clock(@Payload() cmd: CommandMessage<Id>) {
    return this.queries.clockOf(cmd);
  }

  @MessagePattern('complaints.audit')
  audit(@Payload() cmd: CommandMessage<Id>) {
    return this.queries.audit(cmd);
  }
}
