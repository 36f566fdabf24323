import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AddPeriodQueryDto, PutCalendarYearDto, WorkingDaysQueryDto } from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { Ctx, type RequestContext } from '../common/request-context.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  workingDays(@Query() query: WorkingDaysQueryDto) {
    return this.calendar.workingDays(query.from, query.to);
  }

  @Get('add')
  add(@Query() query: AddPeriodQueryDto) {
    return this.calendar.add(query.from, query.days, query.kind ?? 'working');
  }

  @Get('years')
  years() {
    return this.calendar.years();
  }

  @Put('years/:year')
  @Roles('admin')
  putYear(@Param('year', ParseIntPipe) year: number, @Body() dto: PutCalendarYearDto, @Ctx() ctx: RequestContext) {
    return this.calendar.putYear(year, dto, ctx.actor, ctx.requestId);
  }
}
