import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CreateLeadDto,
  DecideLeadDto,
  EndLeadPauseDto,
  ExportLeadsQueryDto,
  ExtendLeadDto,
  ListLeadsQueryDto,
  WorkQueueQueryDto,
  ReportBackLeadDto,
  ReporterNoticeDto,
  StartLeadPauseDto,
  type ImportLeadsReport,
} from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import type { ChunkedReply } from '#libs/contracts';
import { receiveInParts, sendWithUpload } from '../common/chunked-transfer.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { readImportFile } from './leads-multipart.js';

const READERS = ['officer', 'supervisor', 'admin', 'integration'] as const;
const HANDLERS = ['officer', 'supervisor'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Parsing and importing a large file (100,000 rows, in batches) takes minutes on a busy machine, not seconds. */
const IMPORT_TIMEOUT_MS = 300_000;

/** 违法线索 routes (api.md "Leads"); every rule and access check lives in the leads service. */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('api/v1/leads')
export class LeadsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('officer', 'supervisor', 'integration')
  create(@Body() dto: CreateLeadDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.create', ctx, dto);
  }

  @Get()
  @Roles(...READERS)
  list(@Query() query: ListLeadsQueryDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.list', ctx, query);
  }

  @Get('queue')
  @Roles(...HANDLERS)
  queue(@Query() query: WorkQueueQueryDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.queue', ctx, query);
  }

  @Post('import')
  @HttpCode(200)
  @RouteConfig({ multipart: true })
  @ApiConsumes('multipart/form-data')
  @Roles('officer', 'supervisor', 'integration')
  async import(@Req() request: FastifyRequest, @Ctx() ctx: RequestContext) {
    const file = await readImportFile(request);
    const reply = await sendWithUpload<ChunkedReply, object>(this.commands, 'leads', ctx, file.content, 'leads.import', (upload) => ({ filename: file.filename, upload }), IMPORT_TIMEOUT_MS);
    return JSON.parse((await receiveInParts(this.commands, 'leads', ctx, reply)).toString('utf8')) as ImportLeadsReport;
  }

  @Get('export.xlsx')
  @Roles(...READERS)
  async export(@Query() query: ExportLeadsQueryDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const exported = await this.commands.send<{ filename: string; file: ChunkedReply }>('leads.export', ctx, query, IMPORT_TIMEOUT_MS);
    const content = await receiveInParts(this.commands, 'leads', ctx, exported.file);
    void reply.header('Content-Type', XLSX).header('Content-Disposition', `attachment; filename="${exported.filename.replace(/[^\w.-]/g, '_')}"`);
    return content;
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.get', ctx, { id });
  }

  @Get(':id/clock')
  @Roles(...READERS)
  clock(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.clock', ctx, { id });
  }

  @Post(':id/pauses')
  @HttpCode(200)
  @Roles(...HANDLERS)
  pause(@Param('id') id: string, @Body() dto: StartLeadPauseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.pause', ctx, { ...dto, id });
  }

  @Post(':id/pauses/current/end')
  @HttpCode(200)
  @Roles(...HANDLERS)
  resume(@Param('id') id: string, @Body() dto: EndLeadPauseDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.resume', ctx, { ...dto, id });
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles('supervisor')
  extend(@Param('id') id: string, @Body() dto: ExtendLeadDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.extend', ctx, { ...dto, id });
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles(...HANDLERS)
  decide(@Param('id') id: string, @Body() dto: DecideLeadDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.decide', ctx, { ...dto, id });
  }

  @Post(':id/report-back')
  @HttpCode(200)
  @Roles(...HANDLERS)
  reportBack(@Param('id') id: string, @Body() dto: ReportBackLeadDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.report_back', ctx, { ...dto, id });
  }

  @Post(':id/reporter-notice')
  @HttpCode(200)
  @Roles(...HANDLERS)
  notifyReporter(@Param('id') id: string, @Body() dto: ReporterNoticeDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('leads.notify_reporter', ctx, { ...dto, id });
  }
}
