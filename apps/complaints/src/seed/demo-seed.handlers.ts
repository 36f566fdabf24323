import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '#libs/contracts';
import { DemoSeedService, type SeedDemoComplaints } from './demo-seed.service.js';

@Controller()
export class DemoSeedHandlers {
  constructor(private readonly seed: DemoSeedService) {}

  @MessagePattern('complaints.seed_demo')
  seedDemo(@Payload() cmd: CommandMessage<SeedDemoComplaints>) {
    return this.seed.seed(cmd);
  }
}
