import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, EventEnvelope, LeadDecidedPayload, SimplifiedCaseDto } from '#libs/contracts';
import type { JetStreamContext } from '#libs/messaging';
import { CaseFilingService } from './case-filing.service.js';
import { DemoCasesService, type SeedDemoCases } from './demo-cases.service.js';

/** 立案 from leads' decisions (events) and simplified decisions and demo data (commands). */
@Controller()
export class FilingHandlers {
  constructor(
    private readonly filing: CaseFilingService,
    private readonly demo: DemoCasesService,
  ) {}

  @EventPattern<string>('lead.decided')
  async onLeadDecided(@Payload() event: EventEnvelope<LeadDecidedPayload>, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.filing.fileFromLead(event, ctx.manager);
  }

  @MessagePattern('cases.create_simplified')
  createSimplified(@Payload() cmd: CommandMessage<SimplifiedCaseDto>) {
    return this.filing.createSimplified(cmd);
  }

  @MessagePattern('cases.seed_demo')
  seedDemo(@Payload() cmd: CommandMessage<SeedDemoCases>) {
    return this.demo.seed(cmd);
  }
}
