import { Module } from '@nestjs/common';
import { IndicatorGauges } from './indicator-gauges.js';
import { IndicatorScopeResolver } from './indicator-scope.js';
import { IndicatorsController } from './indicators.controller.js';
import { ScorecardController } from './scorecard.controller.js';

/** Indicators, drill-down, exports, forecast and scorecard: forwarded to the metrics service. */
@Module({
  controllers: [IndicatorsController, ScorecardController],
  providers: [IndicatorScopeResolver, IndicatorGauges],
})
export class IndicatorsModule {}
