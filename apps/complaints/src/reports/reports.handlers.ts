import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage, CreateReportDto } from '#libs/contracts';
import { ReportsService } from './reports.service.js';

@Controller()
export class ReportsHandlers {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern('complaints.create_report')
  create(@Payload() cmd: CommandMessage<CreateReportDto>) {
    return this.reports.create(cmd);
  }
}
