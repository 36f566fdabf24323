import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, ExportLeadsQueryDto, ImportLeadsCommand } from '#libs/contracts';
import { LeadImportService } from './lead-import.service.js';

@Controller()
export class LeadImportHandlers {
  constructor(private readonly imports: LeadImportService) {}

  @MessagePattern('leads.import')
  import(@Payload() cmd: CommandMessage<ImportLeadsCommand>) {
    return this.imports.import(cmd);
  }

  @MessagePattern('leads.export')
  export(@Payload() cmd: CommandMessage<ExportLeadsQueryDto>) {
    return this.imports.export(cmd);
  }
}
