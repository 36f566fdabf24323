import { Module } from '@nestjs/common';
import { ComplaintsController } from './complaints.controller.js';
import { ReportsController } from './reports.controller.js';
import { RuleSetsController } from './rule-sets.controller.js';

/** HTTP face of the complaints service: complaints, reports, Order 121 rule confirmation. */
@Module({ controllers: [ComplaintsController, ReportsController, RuleSetsController] })
export class ComplaintsGatewayModule {}
