import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { METRICS_COMMANDS, ScorecardBureauQueryDto, ScorecardEntryDto, ScorecardQueryDto, type ScorecardReply } from '#libs/contracts';
import type { ScorecardEntry } from '#libs/domain';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { IndicatorScopeResolver } from './indicator-scope.js';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/scorecard')
export class ScorecardController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: IndicatorScopeResolver,
  ) {}

  @Get()
  @Roles('officer', 'complaint_handler', 'supervisor', 'admin')
  async get(@Ctx() ctx: RequestContext, @Query() q: ScorecardQueryDto): Promise<ScorecardReply> {
    return this.commands.send(METRICS_COMMANDS.scorecard, ctx, { year: q.year, ...(await this.scope.resolve(ctx, q.bureau)) });
  }

  /** Admin: the score of a part not computed from records, with its source and evidence (`?bureau=`, default own). */
  @Put(':year/items/:code')
  @Roles('admin')
  async score(
    @Ctx() ctx: RequestContext,
    @Param('year', ParseIntPipe) year: number,
    @Param('code') code: string,
    @Query() q: ScorecardBureauQueryDto,
    @Body() dto: ScorecardEntryDto,
  ): Promise<ScorecardEntry> {
    return this.commands.send(METRICS_COMMANDS.scoreItem, ctx, { ...dto, year, code, ...(await this.scope.resolve(ctx, q.bureau)) });
  }
}
