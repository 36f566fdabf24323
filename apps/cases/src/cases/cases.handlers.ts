import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type {
  WorkQueueQueryDto,
  CaseReviewDto,
  CloseCaseDto,
  CommandMessage,
  DecideCaseDto,
  EndCasePauseDto,
  ExtendCaseDto,
  JurisdictionDisputeDto,
  ListCasesQueryDto,
  PauseCaseDto,
  PoliceApprovalDto,
  PoliceHandoverDto,
  PoliceResultDto,
  PoliceTransferDto,
  RecordCaseStepDto,
  ResolveJurisdictionDto,
  TransferCaseDto,
} from '#libs/contracts';
import { CaseLifecycleService } from './case-lifecycle.service.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseTransfersService } from './case-transfers.service.js';

type Cmd<D> = CommandMessage<D & { id: string }>;

/** Gateway commands → case services; translation only. */
@Controller()
export class CasesHandlers {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly transfers: CaseTransfersService,
  ) {}

  @MessagePattern('cases.get')
  get(@Payload() cmd: CommandMessage<{ id: string }>) {
    return this.queries.get(cmd);
  }

  @MessagePattern('cases.list')
  list(@Payload() cmd: CommandMessage<ListCasesQueryDto>) {
    return this.queries.list(cmd);
  }

  @MessagePattern('cases.queue')
  queue(@Payload() cmd: CommandMessage<WorkQueueQueryDto>) {
    return this.queries.queue(cmd);
  }

  @MessagePattern('cases.clock')
  clock(@Payload() cmd: CommandMessage<{ id: string }>) {
    return this.queries.clockOf(cmd);
  }

  @MessagePattern('cases.pause')
  pause(@Payload() cmd: Cmd<PauseCaseDto>) {
    return this.lifecycle.pause(cmd);
  }

  @MessagePattern('cases.resume')
  resume(@Payload() cmd: Cmd<EndCasePauseDto>) {
    return this.lifecycle.resume(cmd);
  }

  @MessagePattern('cases.extend')
  extend(@Payload() cmd: Cmd<ExtendCaseDto>) {
    return this.lifecycle.extend(cmd);
  }

  @MessagePattern('cases.record_step')
  recordStep(@Payload() cmd: Cmd<RecordCaseStepDto>) {
    return this.lifecycle.recordStep(cmd);
  }

  @MessagePattern('cases.decide')
  decide(@Payload() cmd: Cmd<DecideCaseDto>) {
    return this.lifecycle.decide(cmd);
  }

  @MessagePattern('cases.close')
  close(@Payload() cmd: Cmd<CloseCaseDto>) {
    return this.lifecycle.close(cmd);
  }

  @MessagePattern('cases.review')
  review(@Payload() cmd: Cmd<CaseReviewDto>) {
    return this.lifecycle.review(cmd);
  }

  @MessagePattern('cases.transfer')
  transfer(@Payload() cmd: Cmd<TransferCaseDto>) {
    return this.transfers.transfer(cmd);
  }

  @MessagePattern('cases.dispute_jurisdiction')
  dispute(@Payload() cmd: Cmd<JurisdictionDisputeDto>) {
    return this.transfers.dispute(cmd);
  }

  @MessagePattern('cases.resolve_jurisdiction')
  resolve(@Payload() cmd: Cmd<ResolveJurisdictionDto>) {
    return this.transfers.resolveDispute(cmd);
  }

  @MessagePattern('cases.police_transfer')
  policeTransfer(@Payload() cmd: Cmd<PoliceTransferDto>) {
    return this.transfers.policeTransfer(cmd);
  }

  @MessagePattern('cases.police_approve')
  policeApprove(@Payload() cmd: Cmd<PoliceApprovalDto>) {
    return this.transfers.approvePoliceTransfer(cmd);
  }

  @MessagePattern('cases.police_handover')
  policeHandover(@Payload() cmd: Cmd<PoliceHandoverDto>) {
    return this.transfers.handOverToPolice(cmd);
  }

  @MessagePattern('cases.police_result')
  policeResult(@Payload() cmd: Cmd<PoliceResultDto>) {
    return this.transfers.recordPoliceResult(cmd);
  }
}
