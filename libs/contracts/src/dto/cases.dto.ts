import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PAUSE_REASONS } from '#libs/clock';
import {
  CASE_STATUSES,
  CASE_STEPS,
  DECISION_RESULTS,
  EVIDENCE_TYPES,
  LITIGATION_OUTCOMES,
  PENALTY_TYPES,
  RECONSIDERATION_OUTCOMES,
  SOFT_MEASURE_KINDS,
  type CaseStep,
  type DecisionResult,
  type EvidenceType,
  type PenaltyType,
  type ReviewKind,
  type SoftMeasureKind,
} from '#libs/domain';
import { IsLocalDate, IsUscc } from './validators.js';

const BUREAU = /^\d{6}$/;
const BUREAU_MESSAGE = { message: '$property must be a 6-digit division code' };
const INSTANT = { strict: true, strictSeparator: true };

export class CaseSubjectDto {
  @IsOptional()
  @IsUscc()
  uscc?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  platform?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  storeUrl?: string;
}

export class PenaltyDto {
  @IsIn(PENALTY_TYPES)
  type: PenaltyType;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1e12)
  amount?: number;
}

export class ListCasesQueryDto {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: string;

  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsString()
  @MaxLength(64)
  assignee?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class CaseQueueQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assignee?: string;

  /** `true`: only due within 3 working days or overdue (the reminder list). */
  @IsOptional()
  @IsIn(['true', 'false'])
  remindersOnly?: 'true' | 'false';
}

export class PauseCaseDto {
  @IsIn(Object.keys(PAUSE_REASONS))
  reason: string;

  @IsOptional()
  @IsISO8601(INSTANT)
  startedAt?: string;
}

export class EndCasePauseDto {
  @IsOptional()
  @IsISO8601(INSTANT)
  endedAt?: string;
}

export class ExtendCaseDto {
  @IsIn(['standard', 'collective'])
  kind: 'standard' | 'collective';

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  /** Required for a collective extension (负责人集体讨论). */
  @ValidateIf((o: ExtendCaseDto) => o.kind === 'collective' || o.newDueDate !== undefined)
  @IsLocalDate()
  newDueDate?: string;
}

/** What the transferring officer knows of the operator, checked against the online-jurisdiction rule. */
export class JurisdictionBasisDto {
  @IsIn(['platform', 'in_platform', 'own_site', 'other'])
  operatorKind: 'platform' | 'in_platform' | 'own_site' | 'other';

  @Matches(BUREAU, BUREAU_MESSAGE)
  domicileBureau: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  businessBureau?: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  platformDomicileBureau?: string;
}

export class TransferCaseDto {
  @Matches(BUREAU, BUREAU_MESSAGE)
  toBureau: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  @IsOptional()
  @IsISO8601(INSTANT)
  transferredAt?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => JurisdictionBasisDto)
  basis?: JurisdictionBasisDto;
}

export class JurisdictionDisputeDto {
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  @IsOptional()
  @IsISO8601(INSTANT)
  raisedAt?: string;
}

/** `agreed`: settled by consultation; `designated`: the common superior's designation (指定管辖). */
export class ResolveJurisdictionDto {
  @IsIn(['agreed', 'designated'])
  kind: 'agreed' | 'designated';

  @Matches(BUREAU, BUREAU_MESSAGE)
  bureau: string;

  @IsOptional()
  @IsISO8601(INSTANT)
  at?: string;
}

export class PoliceTransferDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organ: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  /** The officer's report to the head (the 3-day approval period runs from it); defaults to now. */
  @IsOptional()
  @IsISO8601(INSTANT)
  reportedAt?: string;

  /** The head's approval when it was given on paper before this record (back-filling). */
  @IsOptional()
  @IsISO8601(INSTANT)
  approvedAt?: string;

  /** Hand-over to the police; needs `approvedAt`. */
  @IsOptional()
  @IsISO8601(INSTANT)
  transferredAt?: string;
}

export class PoliceApprovalDto {
  @IsOptional()
  @IsISO8601(INSTANT)
  approvedAt?: string;
}

export class PoliceHandoverDto {
  @IsOptional()
  @IsISO8601(INSTANT)
  transferredAt?: string;
}

export class PoliceResultDto {
  @IsIn(['accepted', 'returned'])
  result: 'accepted' | 'returned';

  @IsOptional()
  @IsISO8601(INSTANT)
  at?: string;

  /** The criminal case's outcome linked back (e.g. 立案侦查, 不予立案 and the police file number). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  outcome?: string;
}

export class RecordCaseStepDto {
  @IsIn(CASE_STEPS)
  step: CaseStep;

  @IsISO8601(INSTANT)
  at: string;
}

export class DecideCaseDto {
  @IsIn(DECISION_RESULTS)
  result: DecisionResult;

  @IsOptional()
  @IsISO8601(INSTANT)
  decidedAt?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  penalties?: PenaltyDto[];
}

export class CloseCaseDto {
  @IsOptional()
  @IsISO8601(INSTANT)
  closedAt?: string;
}

export class CaseReviewDto {
  @IsIn(['reconsideration', 'litigation'])
  kind: ReviewKind;

  @IsIn([...RECONSIDERATION_OUTCOMES, ...LITIGATION_OUTCOMES])
  outcome: string;

  @IsOptional()
  @IsBoolean()
  procedural?: boolean;

  @IsOptional()
  @IsISO8601(INSTANT)
  concludedAt?: string;
}

/** 简易程序: an on-the-spot decision, recorded as a closed case with no clock. */
export class SimplifiedCaseDto {
  @IsOptional()
  @IsISO8601(INSTANT)
  decidedAt?: string;

  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @ValidateNested()
  @Type(() => CaseSubjectDto)
  subject: CaseSubjectDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => PenaltyDto)
  penalties: PenaltyDto[];
}

export class SoftMeasureDto {
  @IsUscc()
  operatorUscc: string;

  @IsIn(SOFT_MEASURE_KINDS)
  kind: SoftMeasureKind;

  @IsISO8601(INSTANT)
  at: string;

  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}

/** The text fields of the evidence multipart upload (the `file` part travels separately). */
export class EvidenceMetaDto {
  @IsIn(EVIDENCE_TYPES)
  type: EvidenceType;

  @IsOptional()
  @IsUrl({ require_protocol: true })
  @MaxLength(2000)
  sourceUrl?: string;

  @IsISO8601(INSTANT)
  capturedAt: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  method: string;
}
