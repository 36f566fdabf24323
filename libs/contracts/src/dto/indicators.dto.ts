import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { COMPARATORS, COUNTED_STATUSES, type Comparator, type CountedStatus } from '#libs/domain';
import type { Breakdown } from '../events/metrics.js';
import { IsLocalDate } from './validators.js';

const BUREAU = /^\d{6}$/;
const PERIOD = /^(month|quarter|year|\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4])$/;

/** `?bureau=&from=&to=&period=` shared by every indicator query. */
export class IndicatorScopeQueryDto {
  @IsOptional()
  @Matches(BUREAU)
  bureau?: string;

  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;

  /** month | quarter | year (current), or 2026, 2026-03, 2026-Q2. */
  @IsOptional()
  @Matches(PERIOD)
  period?: string;
}

export class IndicatorQueryDto extends IndicatorScopeQueryDto {
  @IsOptional()
  @IsIn(['bureau', 'channel', 'officer'])
  breakdown?: Breakdown;
}

export class IndicatorItemsQueryDto extends IndicatorScopeQueryDto {
  @IsOptional()
  @IsIn(COUNTED_STATUSES)
  status?: CountedStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

export class ForecastQueryDto {
  @IsOptional()
  @Matches(BUREAU)
  bureau?: string;

  @IsOptional()
  @IsIn(['month', 'quarter', 'year'])
  period?: string;
}

/** Admin: threshold (percent, or a count for 18.2), comparator, minimum sample, national rate. */
export class IndicatorConfigDto {
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  threshold: number | null;

  @IsIn(COMPARATORS)
  comparator: Comparator;

  @IsInt()
  @Min(0)
  @Max(100000)
  minimumSample: number;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  nationalRate?: number | null;
}

export class ScorecardQueryDto {
  @IsOptional()
  @Matches(BUREAU)
  bureau?: string;

  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;
}

export class ScorecardEntryDto {
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(3)
  score: number;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  source: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string;
}

/** `?bureau=` of an admin's scorecard entry (default: the admin's own bureau). */
export class ScorecardBureauQueryDto {
  @IsOptional()
  @Matches(BUREAU)
  bureau?: string;
}
