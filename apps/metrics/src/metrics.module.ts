import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule, type Clock } from '#libs/service-kit';
import { IndicatorConfigRepository } from './indicators/indicator-config.repository.js';
import { IndicatorsHandlers } from './indicators/indicators.handlers.js';
import { IndicatorsRepository } from './indicators/indicators.repository.js';
import { IndicatorsService } from './indicators/indicators.service.js';
import { MetricsConfig } from './metrics.config.js';
import { METRICS_ENTITIES, METRICS_MIGRATIONS } from './migrations/index.js';
import { ProjectionReplayService } from './projection/projection-replay.service.js';
import { ProjectionHandlers } from './projection/projection.handlers.js';
import { ProjectionRepository } from './projection/projection.repository.js';
import { ProjectionService } from './projection/projection.service.js';
import { ScorecardHandlers } from './scorecard/scorecard.handlers.js';
import { ScorecardRepository } from './scorecard/scorecard.repository.js';
import { ScorecardService } from './scorecard/scorecard.service.js';

const PROJECTION = [ProjectionService, ProjectionRepository, ProjectionReplayService];
const INDICATORS = [IndicatorsService, IndicatorsRepository, IndicatorConfigRepository];
const SCORECARD = [ScorecardService, ScorecardRepository];

/** Indicators (domain.md §7): a projection of the event stream, figures, drill-down, scorecard. */
@Module({})
export class MetricsModule {
  static register(config: MetricsConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: MetricsModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'metrics', schema: 'metrics', config, entities: METRICS_ENTITIES, migrations: METRICS_MIGRATIONS, clock: options.clock }),
      ],
      controllers: [ProjectionHandlers, IndicatorsHandlers, ScorecardHandlers],
      providers: [...PROJECTION, ...INDICATORS, ...SCORECARD],
    };
  }
}
