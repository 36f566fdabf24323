import { Module, type DynamicModule } from '@nestjs/common';
import { ChunkedTransferModule, ServiceKitModule, type Clock } from '#libs/service-kit';
import { CasesConfig } from './cases.config.js';
import { CaseChanges } from './cases/case-changes.js';
import { CaseLifecycleService } from './cases/case-lifecycle.service.js';
import { CaseQueriesService } from './cases/case-queries.service.js';
import { CaseTransfersService } from './cases/case-transfers.service.js';
import { CasesHandlers } from './cases/cases.handlers.js';
import { CasesRepository } from './cases/cases.repository.js';
import { configuredEvidenceStore } from './evidence/configured-evidence-store.js';
import { EvidenceStore } from './evidence/evidence-store.js';
import { EvidenceHandlers } from './evidence/evidence.handlers.js';
import { EvidenceRepository } from './evidence/evidence.repository.js';
import { EvidenceService } from './evidence/evidence.service.js';
import { CaseFilingService } from './filing/case-filing.service.js';
import { DemoCasesService } from './filing/demo-cases.service.js';
import { FilingHandlers } from './filing/filing.handlers.js';
import { CASES_ENTITIES, casesMigrations } from './migrations/index.js';
import { SoftMeasuresHandlers } from './soft-measures/soft-measures.handlers.js';
import { SoftMeasuresRepository } from './soft-measures/soft-measures.repository.js';
import { SoftMeasuresService } from './soft-measures/soft-measures.service.js';

const HANDLERS = [CasesHandlers, FilingHandlers, EvidenceHandlers, SoftMeasuresHandlers];
const REPOSITORIES = [CasesRepository, EvidenceRepository, SoftMeasuresRepository];
const SERVICES = [CaseChanges, CaseQueriesService, CaseLifecycleService, CaseTransfersService, CaseFilingService, DemoCasesService, EvidenceService, SoftMeasuresService];

/** 案件: filing, disposition clock, steps, transfers, decisions, reviews, evidence, soft measures. */
@Module({})
export class CasesModule {
  static register(config: CasesConfig, options: { clock?: Clock } = {}): DynamicModule {
    // One store for the service and the backfill migration, so both write where reads look.
    const store = configuredEvidenceStore(config);
    return {
      module: CasesModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'cases', schema: 'cases', config, entities: CASES_ENTITIES, migrations: casesMigrations(store), clock: options.clock }),
        ChunkedTransferModule.register('cases'),
      ],
      controllers: HANDLERS,
      providers: [...REPOSITORIES, ...SERVICES, { provide: EvidenceStore, useValue: store }],
    };
  }
}
