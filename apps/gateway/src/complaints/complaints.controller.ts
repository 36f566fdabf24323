import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AcceptanceDto,
  CloseComplaintDto,
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
  EmptyBodyDto,
} from '#libs/contracts';
import { ValidationError } from '#libs/domain';
import { PII_REVEALED_HEADER } from '../audit/audit.service.js';
import { Roles } from '../auth/auth.decorators.js';
import { BureausService } from '../bureaus/bureaus.service.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

const READERS = ['complaint_handler', 'supervisor', 'officer', 'admin', 'integration'] as const;

/** 投诉 routes (api.md "Complaints"); rules and access checks live in the complaints service. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly bureaus: BureausService,
  ) {}

  @Post()
  @Roles('complaint_handler', 'integration')
  create(@Body() dto: CreateComplaintDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.create', ctx, dto);
  }

  @Get()
  @Roles(...READERS)
  list(@Query() query: ListComplaintsQueryDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.list', ctx, query);
  }

  @Get('queue')
  @Roles('complaint_handler', 'supervisor')
  queue(@Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.queue', ctx, {});
  }

  @Get(':id')
  @Roles(...READERS)
  async get(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.commands.send<{ consumerMasked?: boolean }>('complaints.get', ctx, { id });
    // An unmasked read of personal data goes into the gateway's hash-chained audit log too.
    if (view.consumerMasked === false) void reply.header(PII_REVEALED_HEADER, '1');
    return view;
  }

  @Get(':id/clock')
  @Roles(...READERS)
  clock(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.clock', ctx, { id });
  }

  @Get(':id/audit')
  @Roles('supervisor')
  audit(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.audit', ctx, { id });
  }

  @Post(':id/forward')
  @HttpCode(200)
  @Roles('complaint_handler')
  async forward(@Param('id') id: string, @Body() dto: ForwardDto, @Ctx() ctx: RequestContext) {
    // The bureau tree is the gateway's data; the service checks jurisdiction.
    if (!(await this.bureaus.exists(dto.toBureau))) {
      throw ValidationError.field('toBureau', 'UNKNOWN_BUREAU', `toBureau：未知的局 ${dto.toBureau}`);
    }
    return this.commands.send('complaints.forward', ctx, { ...dto, id });
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @Roles('complaint_handler')
  acceptance(@Param('id') id: string, @Body() dto: AcceptanceDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.decide_acceptance', ctx, { ...dto, id });
  }

  @Post(':id/pauses')
  @HttpCode(200)
  @Roles('complaint_handler')
  pause(@Param('id') id: string, @Body() dto: MediationPauseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.pause_mediation', ctx, { ...dto, id });
  }

  @Post(':id/pauses/current/end')
  @HttpCode(200)
  @Roles('complaint_handler')
  resume(@Param('id') id: string, @Body() dto: EndPauseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.resume_mediation', ctx, { ...dto, id });
  }

  @Post(':id/mediation-result')
  @HttpCode(200)
  @Roles('complaint_handler')
  mediationResult(@Param('id') id: string, @Body() dto: MediationResultDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.end_mediation', ctx, { ...dto, id });
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('complaint_handler')
  close(@Param('id') id: string, @Body() dto: CloseComplaintDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.close', ctx, { ...dto, id });
  }

  @Post(':id/rating')
  @HttpCode(200)
  @Roles('complaint_handler')
  rating(@Param('id') id: string, @Body() dto: RatingDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.rate', ctx, { ...dto, id });
  }

  @Post(':id/violation')
  @HttpCode(200)
  @Roles('complaint_handler')
  violation(@Param('id') id: string, @Body() dto: ViolationDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.record_violation', ctx, { ...dto, id });
  }

  /** Moves a running complaint to the newest confirmed rule version (admin, audited as an event). */
  @Post(':id/rebase')
  @HttpCode(200)
  @Roles('admin')
  rebase(@Param('id') id: string, @Ctx() ctx: RequestContext, @Body() _none: EmptyBodyDto) {
    return this.commands.send('complaints.rebase', ctx, { id });
  }

  @Post(':id/odr')
  @HttpCode(200)
  @Roles('complaint_handler')
  routeOdr(@Param('id') id: string, @Body() dto: OdrRouteDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.route_odr', ctx, { ...dto, id });
  }

  @Post(':id/odr/acceptance')
  @HttpCode(200)
  @Roles('complaint_handler', 'integration')
  odrAcceptance(@Param('id') id: string, @Body() dto: OdrAcceptanceDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.odr_accept', ctx, { ...dto, id });
  }

  @Post(':id/odr/result')
  @HttpCode(200)
  @Roles('complaint_handler', 'integration')
  odrResult(@Param('id') id: string, @Body() dto: OdrResultDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.odr_close', ctx, { ...dto, id });
  }
}
