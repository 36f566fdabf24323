import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class MetricsConfig extends ServiceConfig {
  /** Days of completed items that set a bureau's "recent pace" in the forecast. */
  @IsInt()
  @Min(7)
  @Max(365)
  FORECAST_PACE_DAYS = 90;

  /** Rows at most in one drill-down spreadsheet (NATS replies are capped at about 1 MB). */
  @IsInt()
  @Min(100)
  @Max(50000)
  EXPORT_MAX_ROWS = 20000;
}
