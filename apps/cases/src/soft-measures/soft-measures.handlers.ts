import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, SoftMeasureDto } from '#libs/contracts';
import { SoftMeasuresService } from './soft-measures.service.js';

@Controller()
export class SoftMeasuresHandlers {
  constructor(private readonly measures: SoftMeasuresService) {}

  @MessagePattern('cases.record_soft_measure')
  record(@Payload() cmd: CommandMessage<SoftMeasureDto>) {
    return this.measures.record(cmd);
  }

  @MessagePattern('cases.list_soft_measures')
  list(@Payload() cmd: CommandMessage<{ operatorUscc: string }>) {
    return this.measures.list(cmd);
  }
}
