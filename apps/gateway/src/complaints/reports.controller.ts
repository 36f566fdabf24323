import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateReportDto } from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

/** 举报: recorded by the complaints service and handed to leads (channel `report`). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('complaint_handler', 'officer', 'integration')
  create(@Body() dto: CreateReportDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.create_report', ctx, dto);
  }
}
