import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  WorkQueueQueryDto,
  CaseReviewDto,
  CloseCaseDto,
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
  SimplifiedCaseDto,
  TransferCaseDto,
} from '#libs/contracts';
import { ValidationError } from '#libs/domain';
import { Roles } from '../auth/auth.decorators.js';
import { BureausService } from '../bureaus/bureaus.service.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

const READERS = ['officer', 'supervisor'] as const;
const HANDLERS = ['officer', 'supervisor'] as const;

/** 案件 routes (api.md "Cases"); rules and access checks live in the cases service. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly bureaus: BureausService,
  ) {}

  @Get()
  @Roles(...READERS)
  list(@Query() query: ListCasesQueryDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.list', ctx, query);
  }

  @Get('queue')
  @Roles(...READERS)
  queue(@Query() query: WorkQueueQueryDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.queue', ctx, query);
  }

  @Post('simplified')
  @Roles(...HANDLERS)
  simplified(@Body() dto: SimplifiedCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.create_simplified', ctx, dto);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.get', ctx, { id });
  }

  @Get(':id/clock')
  @Roles(...READERS)
  clock(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.clock', ctx, { id });
  }

  @Post(':id/pauses')
  @Roles(...HANDLERS)
  pause(@Param('id') id: string, @Body() dto: PauseCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.pause', ctx, { ...dto, id });
  }

  @Post(':id/pauses/current/end')
  @HttpCode(200)
  @Roles(...HANDLERS)
  resume(@Param('id') id: string, @Body() dto: EndCasePauseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.resume', ctx, { ...dto, id });
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('supervisor')
  extend(@Param('id') id: string, @Body() dto: ExtendCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.extend', ctx, { ...dto, id });
  }

  @Post(':id/steps')
  @Roles(...HANDLERS)
  step(@Param('id') id: string, @Body() dto: RecordCaseStepDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.record_step', ctx, { ...dto, id });
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles(...HANDLERS)
  async transfer(@Param('id') id: string, @Body() dto: TransferCaseDto, @Ctx() ctx: RequestContext) {
    // The bureau tree lives in the gateway; the service trusts a code checked here.
    if (!(await this.bureaus.exists(dto.toBureau))) {
      throw ValidationError.field('toBureau', 'UNKNOWN_BUREAU', `toBureau：未知的局 ${dto.toBureau}`);
    }
    return this.commands.send('cases.transfer', ctx, { ...dto, id });
  }

  @Post(':id/jurisdiction-dispute')
  @HttpCode(200)
  @Roles(...HANDLERS)
  dispute(@Param('id') id: string, @Body() dto: JurisdictionDisputeDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.dispute_jurisdiction', ctx, { ...dto, id });
  }

  @Post(':id/jurisdiction-dispute/resolution')
  @HttpCode(200)
  @Roles(...HANDLERS)
  async resolve(@Param('id') id: string, @Body() dto: ResolveJurisdictionDto, @Ctx() ctx: RequestContext) {
    if (!(await this.bureaus.exists(dto.bureau))) {
      throw ValidationError.field('bureau', 'UNKNOWN_BUREAU', `bureau：未知的局 ${dto.bureau}`);
    }
    return this.commands.send('cases.resolve_jurisdiction', ctx, { ...dto, id });
  }

  @Post(':id/police-transfer')
  @HttpCode(200)
  @Roles(...HANDLERS)
  policeTransfer(@Param('id') id: string, @Body() dto: PoliceTransferDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.police_transfer', ctx, { ...dto, id });
  }

  @Post(':id/police-transfer/approval')
  @HttpCode(200)
  @Roles('supervisor')
  policeApproval(@Param('id') id: string, @Body() dto: PoliceApprovalDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.police_approve', ctx, { ...dto, id });
  }

  @Post(':id/police-transfer/handover')
  @HttpCode(200)
  @Roles(...HANDLERS)
  policeHandover(@Param('id') id: string, @Body() dto: PoliceHandoverDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.police_handover', ctx, { ...dto, id });
  }

  @Post(':id/police-transfer/result')
  @HttpCode(200)
  @Roles(...HANDLERS)
  policeResult(@Param('id') id: string, @Body() dto: PoliceResultDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.police_result', ctx, { ...dto, id });
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...HANDLERS)
  decide(@Param('id') id: string, @Body() dto: DecideCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.decide', ctx, { ...dto, id });
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...HANDLERS)
  close(@Param('id') id: string, @Body() dto: CloseCaseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.close', ctx, { ...dto, id });
  }

  @Post(':id/reviews')
  @Roles(...HANDLERS)
  review(@Param('id') id: string, @Body() dto: CaseReviewDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('cases.review', ctx, { ...dto, id });
  }
}
