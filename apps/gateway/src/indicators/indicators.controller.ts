import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ForecastQueryDto,
  IndicatorConfigDto,
  IndicatorItemsQueryDto,
  IndicatorQueryDto,
  METRICS_COMMANDS,
  type FiguresReply,
  type ForecastReply,
  type IndicatorConfigView,
  type ItemsReply,
  type RebuildReply,
  type XlsxReply,
  EmptyBodyDto,
} from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { IndicatorScopeResolver } from './indicator-scope.js';
import { sendXlsx } from './xlsx-reply.js';

const READERS = ['officer', 'complaint_handler', 'supervisor', 'admin'] as const;
/** Replaying the whole stream takes longer than an ordinary command. */
const REBUILD_TIMEOUT_MS = 120_000;

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: IndicatorScopeResolver,
  ) {}

  @Get()
  @Roles(...READERS)
  async figures(@Ctx() ctx: RequestContext, @Query() q: IndicatorQueryDto): Promise<FiguresReply> {
    return this.commands.send(METRICS_COMMANDS.figures, ctx, { ...q, ...(await this.scope.resolve(ctx, q.bureau)) });
  }

  @Get('export.xlsx')
  @Roles(...READERS)
  async exportFigures(@Ctx() ctx: RequestContext, @Query() q: IndicatorQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.commands.send<XlsxReply>(METRICS_COMMANDS.exportFigures, ctx, { ...q, ...(await this.scope.resolve(ctx, q.bureau)) });
    return sendXlsx(reply, file);
  }

  @Get('forecast')
  @Roles(...READERS)
  async forecast(@Ctx() ctx: RequestContext, @Query() q: ForecastQueryDto): Promise<ForecastReply> {
    return this.commands.send(METRICS_COMMANDS.forecast, ctx, { ...q, ...(await this.scope.resolve(ctx, q.bureau)) });
  }

  @Get('config')
  @Roles(...READERS)
  config(@Ctx() ctx: RequestContext): Promise<{ items: IndicatorConfigView[] }> {
    return this.commands.send(METRICS_COMMANDS.listConfig, ctx, {});
  }

  @Put('config/:code')
  @Roles('admin')
  setConfig(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() dto: IndicatorConfigDto): Promise<IndicatorConfigView> {
    return this.commands.send(METRICS_COMMANDS.setConfig, ctx, { ...dto, code });
  }

  @Post('rebuild')
  @Roles('admin')
  rebuild(@Ctx() ctx: RequestContext, @Body() _none: EmptyBodyDto): Promise<RebuildReply> {
    return this.commands.send(METRICS_COMMANDS.rebuild, ctx, {}, REBUILD_TIMEOUT_MS);
  }

  @Get(':code/items')
  @Roles(...READERS)
  async items(@Ctx() ctx: RequestContext, @Param('code') code: string, @Query() q: IndicatorItemsQueryDto): Promise<ItemsReply> {
    return this.commands.send(METRICS_COMMANDS.items, ctx, { ...q, code, ...(await this.scope.resolve(ctx, q.bureau)) });
  }

  @Get(':code/items/export.xlsx')
  @Roles(...READERS)
  async exportItems(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Query() q: IndicatorItemsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.commands.send<XlsxReply>(METRICS_COMMANDS.exportItems, ctx, { ...q, code, ...(await this.scope.resolve(ctx, q.bureau)) });
    return sendXlsx(reply, file);
  }
}
