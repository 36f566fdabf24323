import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_OPERATOR_KINDS,
  COMPLAINT_STATUSES,
  MEDIATION_RESULTS,
  ODR_RESULTS,
  REFUSAL_REASONS,
  SATISFACTIONS,
  type ComplaintChannel,
  type ComplaintOperatorKind,
  type ComplaintStatus,
  type MediationResult,
  type OdrResult,
  type RefusalReason,
  type Satisfaction,
} from '#libs/domain';
import { PAUSE_REASONS, type PauseReason } from '#libs/clock';
import { OperatorRefDto, ReporterDto } from './parties.dto.js';

const BUREAU = /^\d{6}$/;
const BUREAU_MESSAGE = { message: '$property must be a 6-digit division code' };
/** api.md: instants are ISO-8601 with an offset, so a back-dated time is never read in the server's zone. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = { message: '$property must be an ISO-8601 instant with offset, e.g. 2026-05-06T09:30:00+08:00' };

function IsInstant(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true, strictSeparator: true })(target, key);
    Matches(INSTANT_WITH_OFFSET, INSTANT_MESSAGE)(target, key);
  };
}

export class ConsumerDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @Matches(/^\+?[0-9-]{5,20}$/, { message: '$property must be a phone number' })
  phone: string;

  @IsOptional()
  @Matches(/^(\d{15}|\d{17}[\dX])$/, { message: '$property must be a 15- or 18-character ID number' })
  idNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** The operator complained about; the jurisdiction fields are what §5 needs to pick the bureau. */
export class ComplaintOperatorDto extends OperatorRefDto {
  @IsOptional()
  @IsIn(COMPLAINT_OPERATOR_KINDS)
  kind?: ComplaintOperatorKind;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  domicileBureau?: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  businessBureau?: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  platformDomicileBureau?: string;

  /** False when the in-platform seller has no real, reachable address (Order 121). */
  @IsOptional()
  @IsBoolean()
  reachable?: boolean;
}

export class CreateComplaintDto {
  @IsBoolean()
  online: boolean;

  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  channel?: ComplaintChannel;

  @IsObject()
  @ValidateNested()
  @Type(() => ConsumerDto)
  consumer: ConsumerDto;

  @IsObject()
  @ValidateNested()
  @Type(() => ComplaintOperatorDto)
  operator: ComplaintOperatorDto;

  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  description: string;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e10)
  amount?: number;
}

export class AcceptanceDto {
  @IsBoolean()
  accepted: boolean;

  /** Required for a refusal (不予受理), from the fixed list. */
  @ValidateIf((o: AcceptanceDto) => o.accepted === false || o.reason !== undefined)
  @IsIn(Object.keys(REFUSAL_REASONS))
  reason?: RefusalReason;

  @IsOptional()
  @IsInstant()
  decidedAt?: string;
}

export class ForwardDto {
  @Matches(BUREAU, BUREAU_MESSAGE)
  toBureau: string;

  @IsOptional()
  @IsInstant()
  forwardedAt?: string;
}

export class MediationPauseDto {
  @IsIn(Object.keys(PAUSE_REASONS))
  reason: PauseReason;

  @IsOptional()
  @IsInstant()
  startedAt?: string;
}

export class EndPauseDto {
  @IsOptional()
  @IsInstant()
  endedAt?: string;
}

export class MediationResultDto {
  @IsIn(MEDIATION_RESULTS)
  result: MediationResult;

  @IsOptional()
  @IsInstant()
  endedAt?: string;
}

export class CloseComplaintDto {
  /** When the consumer was informed (办结 = mediation ended + consumer informed). */
  @IsOptional()
  @IsInstant()
  closedAt?: string;
}

export class RatingDto {
  @IsIn(SATISFACTIONS)
  satisfaction: Satisfaction;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;

  @IsOptional()
  @IsInstant()
  ratedAt?: string;
}

export class ViolationDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsInstant()
  foundAt?: string;
}

export class OdrRouteDto {
  /** The ODR member enterprise (在线消费纠纷解决单位) the complaint goes to. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  enterprise: string;

  @IsOptional()
  @IsInstant()
  routedAt?: string;
}

export class OdrAcceptanceDto {
  @IsOptional()
  @IsInstant()
  acceptedAt?: string;
}

export class OdrResultDto {
  @IsIn(ODR_RESULTS)
  result: OdrResult;

  @IsOptional()
  @IsInstant()
  closedAt?: string;
}

export class ListComplaintsQueryDto {
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: '$property must be a positive integer' })
  page?: string;

  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|100)$/, { message: '$property must be 1–100' })
  pageSize?: string;
}

export class ReportSubjectDto extends OperatorRefDto {}

/** 举报: recorded here and handed to the leads service as a lead with channel `report`. */
export class CreateReportDto {
  @IsBoolean()
  online: boolean;

  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => ReportSubjectDto)
  subject: ReportSubjectDto;

  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter: ReporterDto;
}

export class RulePeriodValueDto {
  @IsInt()
  @Min(1)
  @Max(365)
  length: number;

  @IsOptional()
  @IsIn(['working', 'calendar'])
  unit?: 'working' | 'calendar';
}

export class RulePeriodsDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => RulePeriodValueDto)
  acceptance?: RulePeriodValueDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RulePeriodValueDto)
  mediation?: RulePeriodValueDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RulePeriodValueDto)
  mediationTerminationNotice?: RulePeriodValueDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RulePeriodValueDto)
  reporterNotice?: RulePeriodValueDto;
}

/** `PUT /api/v1/rule-sets/order-121`: the confirmed values of Order 121 (admin). */
export class ConfirmRuleSetDto {
  @IsObject()
  @ValidateNested()
  @Type(() => RulePeriodsDto)
  periods: RulePeriodsDto;
}

export class SeedDemoDto {
  /** Spread receipts over this year (up to today); default the last 365 days. */
  @IsOptional()
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  count?: number;

  @IsOptional()
  @IsInt()
  seed?: number;
}
