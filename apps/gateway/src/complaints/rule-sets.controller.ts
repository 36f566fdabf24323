import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ConfirmRuleSetDto } from '#libs/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { CommandBus } from '../common/command-bus.js';
import { Ctx, type RequestContext } from '../common/request-context.js';

/** Order 121 (市场监督管理投诉举报处理办法): its values as in force, and the admin's confirmation. */
@ApiTags('rule-sets')
@ApiBearerAuth()
@Controller('api/v1/rule-sets/order-121')
export class RuleSetsController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  get(@Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.rule_set_order_121', ctx, {});
  }

  @Put()
  @Roles('admin')
  confirm(@Body() dto: ConfirmRuleSetDto, @Ctx() ctx: RequestContext) {
    return this.commands.send('complaints.confirm_order_121', ctx, dto);
  }
}
