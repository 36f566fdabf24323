import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '#libs/contracts';
import { DemoSeedService, type SeedDemoLeads } from './demo-seed.service.js';

@Controller()
export class DemoSeedHandlers {
  constructor(private readonly seed: DemoSeedService) {}

  @MessagePattern('leads.seed_demo')
  seedDemo(@Payload() cmd: CommandMessage<SeedDemoLeads>) {
    return this.seed.seed(cmd);
  }
}
