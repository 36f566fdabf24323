import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, SeedDemoLeadsDto } from '#libs/contracts';
import { DemoSeedService } from './demo-seed.service.js';

@Controller()
export class DemoSeedHandlers {
  constructor(private readonly seed: DemoSeedService) {}

  @MessagePattern('leads.seed_demo')
  seedDemo(@Payload() cmd: CommandMessage<SeedDemoLeadsDto>) {
    return this.seed.seed(cmd);
  }
}
