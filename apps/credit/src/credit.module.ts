import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, type Clock } from '#libs/service-kit';
import { CreditConfig } from './credit.config.js';
import { CreditHandlers } from './credit.handlers.js';
import { InspectionsService } from './inspections/inspections.service.js';
import { CREDIT_ENTITIES, CREDIT_MIGRATIONS } from './migrations/index.js';
import { OperatorsRepository } from './operators/operators.repository.js';
import { OperatorsService } from './operators/operators.service.js';
import { CreditProjection } from './record/credit-projection.js';
import { CreditWriter } from './record/credit-writer.js';
import { GradingService } from './record/grading.service.js';
import { RecordEventsHandlers } from './record/record-events.handlers.js';
import { RecordRepository } from './record/record.repository.js';
import { RecordService } from './record/record.service.js';
import { RegradeSchedule } from './record/regrade-schedule.js';
import { RegradeSweep } from './record/regrade-sweep.js';
import { SourceEventsService } from './record/source-events.service.js';
import { RepairsRepository } from './repairs/repairs.repository.js';
import { RepairsService } from './repairs/repairs.service.js';
import { DemoSeedService } from './seed/demo-seed.service.js';

const REPOSITORIES = [OperatorsRepository, RecordRepository, RepairsRepository];
const SERVICES = [CreditProjection, GradingService, CreditWriter, OperatorsService, RecordService, SourceEventsService, RepairsService, InspectionsService, DemoSeedService, RegradeSweep, RegradeSchedule];

/** Operators, the credit record and grade, credit repair, differentiated supervision (domain.md §6). */
@Module({})
export class CreditModule {
  static register(config: CreditConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: CreditModule,
      imports: [ServiceKitModule.forRoot({ name: 'credit', schema: 'credit', config, entities: CREDIT_ENTITIES, migrations: CREDIT_MIGRATIONS, clock: options.clock })],
      controllers: [CreditHandlers, RecordEventsHandlers],
      providers: [...REPOSITORIES, ...SERVICES],
    };
  }
}
