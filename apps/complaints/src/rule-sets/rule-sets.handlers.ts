import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, ConfirmRuleSetDto } from '#libs/contracts';
import { RuleSetsService } from './rule-sets.service.js';

@Controller()
export class RuleSetsHandlers {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @MessagePattern('complaints.rule_set_order_121')
  get() {
    return this.ruleSets.currentOrder121();
  }

  @MessagePattern('complaints.confirm_order_121')
  confirm(@Payload() cmd: CommandMessage<ConfirmRuleSetDto>) {
    return this.ruleSets.confirmOrder121(cmd);
  }
}
