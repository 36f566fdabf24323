import { Module } from '@nestjs/common';
import { CreditController } from './credit.controller.js';
import { InspectionsController } from './inspections.controller.js';

/** HTTP routes of the credit service. */
@Module({ controllers: [CreditController, InspectionsController] })
export class CreditGatewayModule {}
