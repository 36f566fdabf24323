import type { DynamicModule, Type } from '@nestjs/common';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesGatewayModule } from './cases/cases.module.js';
import { ComplaintsGatewayModule } from './complaints/complaints.module.js';
import { ConsoleModule } from './console/console.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { LeadsGatewayModule } from './leads/leads.module.js';
import { CreditGatewayModule } from './credit/credit.gateway.module.js';

/**
 * HTTP feature modules, one per capability (leads, cases, complaints, credit, indicators,
 * calendar). Each lives in its own folder and only forwards commands to its service.
 */
export const GATEWAY_FEATURES: (Type<unknown> | DynamicModule)[] = [
  CalendarModule,
  CasesGatewayModule,
  ComplaintsGatewayModule,
  ConsoleModule,
  IndicatorsModule,
  LeadsGatewayModule,
  CreditGatewayModule,
];
