import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '#libs/contracts';
import { EvidenceService, type AddEvidence } from './evidence.service.js';

@Controller()
export class EvidenceHandlers {
  constructor(private readonly evidence: EvidenceService) {}

  @MessagePattern('cases.add_evidence')
  add(@Payload() cmd: CommandMessage<AddEvidence>) {
    return this.evidence.add(cmd);
  }

  @MessagePattern('cases.get_evidence')
  get(@Payload() cmd: CommandMessage<{ caseId: string; evidenceId: string }>) {
    return this.evidence.get(cmd);
  }
}
