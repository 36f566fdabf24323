import { Module, type DynamicModule } from '@nestjs/common';
import { ChunkedTransferModule, ServiceKitModule, type Clock } from '#libs/service-kit';
import { DemoSeedHandlers } from './demo/demo-seed.handlers.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { LeadImportHandlers } from './import/lead-import.handlers.js';
import { LeadImportService } from './import/lead-import.service.js';
import { IntakeHandlers } from './intake/intake.handlers.js';
import { LeadClockService } from './leads/lead-clock.service.js';
import { LeadEvents } from './leads/lead-events.js';
import { LeadIntakeService } from './leads/lead-intake.service.js';
import { LeadQueriesService } from './leads/lead-queries.service.js';
import { LeadsHandlers } from './leads/leads.handlers.js';
import { LeadsRepository } from './leads/leads.repository.js';
import { LeadsService } from './leads/leads.service.js';
import { LeadsConfig } from './leads.config.js';
import { LEADS_ENTITIES, LEADS_MIGRATIONS } from './migrations/index.js';

const LEAD_PROVIDERS = [LeadsRepository, LeadClockService, LeadEvents, LeadIntakeService, LeadQueriesService, LeadsService];

/** 违法线索 service: intake from every channel, verification clock, decisions, import/export, demo seed. */
@Module({})
export class LeadsModule {
  static register(config: LeadsConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: LeadsModule,
      imports: [
        ServiceKitModule.forRoot({
          name: 'leads',
          schema: 'leads',
          config,
          entities: LEADS_ENTITIES,
          migrations: LEADS_MIGRATIONS,
          ...(options.clock ? { clock: options.clock } : {}),
        }),
        ChunkedTransferModule.register('leads'),
      ],
      controllers: [LeadsHandlers, IntakeHandlers, LeadImportHandlers, DemoSeedHandlers],
      providers: [...LEAD_PROVIDERS, LeadImportService, DemoSeedService],
    };
  }
}
