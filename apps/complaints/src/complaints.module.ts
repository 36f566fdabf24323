import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, type Clock } from '#libs/service-kit';
import { ComplaintQueriesService } from './complaints/complaint-queries.service.js';
import { ComplaintTimeline } from './complaints/complaint-timeline.js';
import { ComplaintWriter } from './complaints/complaint-writer.js';
import { ComplaintsHandlers } from './complaints/complaints.handlers.js';
import { ComplaintsRepository } from './complaints/complaints.repository.js';
import { ConsumerData } from './complaints/consumer-data.js';
import { IntakeService } from './complaints/intake.service.js';
import { MediationService } from './complaints/mediation.service.js';
import { OdrService } from './complaints/odr.service.js';
import { RebaseService } from './complaints/rebase.service.js';
import { ComplaintsConfig } from './complaints.config.js';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from './migrations/index.js';
import { PiiCipher } from './pii/pii-cipher.js';
import { ReportsHandlers } from './reports/reports.handlers.js';
import { ReportsRepository } from './reports/reports.repository.js';
import { ReportsService } from './reports/reports.service.js';
import { RuleSetsHandlers } from './rule-sets/rule-sets.handlers.js';
import { RuleSetsRepository } from './rule-sets/rule-sets.repository.js';
import { RuleSetsService } from './rule-sets/rule-sets.service.js';
import { DemoSeedHandlers } from './seed/demo-seed.handlers.js';
import { DemoSeedService } from './seed/demo-seed.service.js';

const COMPLAINT_PROVIDERS = [
  ComplaintsRepository,
  ComplaintTimeline,
  ComplaintWriter,
  ConsumerData,
  IntakeService,
  MediationService,
  OdrService,
  RebaseService,
  ComplaintQueriesService,
];
const REPORT_PROVIDERS = [ReportsRepository, ReportsService];
const RULE_SET_PROVIDERS = [RuleSetsRepository, RuleSetsService];

/** 投诉举报 service: complaints, reports (handed to leads), Order 121 confirmation, demo seed. */
@Module({})
export class ComplaintsModule {
  static register(config: ComplaintsConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [
        ServiceKitModule.forRoot({
          name: 'complaints',
          schema: 'complaints',
          config,
          entities: COMPLAINTS_ENTITIES,
          migrations: COMPLAINTS_MIGRATIONS,
          ...(options.clock ? { clock: options.clock } : {}),
        }),
      ],
      controllers: [ComplaintsHandlers, ReportsHandlers, RuleSetsHandlers, DemoSeedHandlers],
      providers: [PiiCipher, ...COMPLAINT_PROVIDERS, ...REPORT_PROVIDERS, ...RULE_SET_PROVIDERS, DemoSeedService],
    };
  }
}
