import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CreditAsOfQueryDto,
  CreditRecordDto,
  CreditRepairDto,
  EmptyBodyDto,
  ListCreditRepairsQueryDto,
  ListEntryDto,
  ListOperatorsQueryDto,
  ListRemovalDto,
  RegisterOperatorDto,
  RepairDecisionDto,
  UpdateOperatorDto,
} from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

/** A sweep after an upgrade regrades every operator once; a daily one touches few. */
const REGRADE_TIMEOUT_MS = 120_000;

/** Operators 经营者 and their credit record, grade and repair (api.md "Operators and credit"). */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('api/v1')
export class CreditController {
  constructor(private readonly commands: CommandBus) {}

  @Post('operators')
  @Roles('officer', 'supervisor', 'admin')
  register(@Ctx() ctx: RequestContext, @Body() dto: RegisterOperatorDto) {
    return this.commands.send('credit.register_operator', ctx, dto);
  }

  @Get('operators')
  list(@Ctx() ctx: RequestContext, @Query() query: ListOperatorsQueryDto) {
    return this.commands.send('credit.list_operators', ctx, query);
  }

  @Get('operators/:uscc')
  get(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string) {
    return this.commands.send('credit.get_operator', ctx, { uscc });
  }

  @Patch('operators/:uscc')
  @Roles('officer', 'supervisor', 'admin')
  update(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Body() dto: UpdateOperatorDto) {
    return this.commands.send('credit.update_operator', ctx, { ...dto, uscc });
  }

  @Get('operators/:uscc/credit')
  credit(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Query() query: CreditAsOfQueryDto) {
    return this.commands.send('credit.get_credit', ctx, { ...query, uscc });
  }

  @Post('operators/:uscc/list-entries')
  @Roles('officer', 'supervisor')
  enterList(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Body() dto: ListEntryDto) {
    return this.commands.send('credit.enter_list', ctx, { ...dto, uscc });
  }

  @Post('operators/:uscc/list-entries/:entryId/removal')
  @HttpCode(200)
  @Roles('officer', 'supervisor')
  removeFromList(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Param('entryId') entryId: string, @Body() dto: ListRemovalDto) {
    return this.commands.send('credit.remove_from_list', ctx, { ...dto, uscc, entryId });
  }

  @Post('operators/:uscc/records')
  @Roles('officer', 'supervisor')
  addRecord(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Body() dto: CreditRecordDto) {
    return this.commands.send('credit.add_record', ctx, { ...dto, uscc });
  }

  @Post('operators/:uscc/credit-repairs')
  @Roles('officer', 'supervisor')
  requestRepair(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string, @Body() dto: CreditRepairDto) {
    return this.commands.send('credit.request_repair', ctx, { ...dto, uscc });
  }

  @Get('operators/:uscc/credit-repairs')
  listRepairs(@Ctx() ctx: RequestContext, @Param('uscc') uscc: string) {
    return this.commands.send('credit.list_repairs', ctx, { uscc });
  }

  @Get('credit-repairs')
  @Roles('officer', 'supervisor', 'admin')
  repairQueue(@Ctx() ctx: RequestContext, @Query() query: ListCreditRepairsQueryDto) {
    return this.commands.send('credit.repair_queue', ctx, query);
  }

  /** Runs the daily regrade sweep now: grades changed by a publication or window that ended. */
  @Post('credit/regrade')
  @HttpCode(200)
  @Roles('admin')
  regrade(@Ctx() ctx: RequestContext, @Body() _none: EmptyBodyDto) {
    return this.commands.send('credit.regrade', ctx, {}, REGRADE_TIMEOUT_MS);
  }

  @Post('credit-repairs/:id/decision')
  @HttpCode(200)
  @Roles('supervisor')
  decideRepair(@Ctx() ctx: RequestContext, @Param('id') repairId: string, @Body() dto: RepairDecisionDto) {
    return this.commands.send('credit.decide_repair', ctx, { ...dto, repairId });
  }
}
