import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
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
import { OperatorRefDto } from './parties.dto.js';
import { PageQueryDto } from './paging.dto.js';
import { IsLocalDate, IsUscc } from './validators.js';

const BUREAU = /^\d{6}$/;
const BUREAU_MESSAGE = { message: '$property must be a 6-digit division code' };
const INSTANT = { strict: true, strictSeparator: true };
/** api.md: instants carry an offset, so a back-dated time is never read in the server's zone. */
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function IsInstant(): PropertyDecorator {
  return (target, key) => {
    IsISO8601(INSTANT)(target, key);
    Matches(INSTANT_WITH_OFFSET, { message: '$property must be an ISO-8601 instant with offset, e.g. 2026-05-06T09:30:00+08:00' })(target, key);
  };
}

export class CaseSubjectDto extends OperatorRefDto {}

export class PenaltyDto {
  @IsIn(PENALTY_TYPES)
  type: PenaltyType;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1e12)
  amount?: number;
}

export class ListCasesQueryDto extends PageQueryDto {
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

}

export class PauseCaseDto {
  @IsIn(Object.keys(PAUSE_REASONS))
  reason: string;

  @IsOptional()
  @IsInstant()
  startedAt?: string;
}

export class EndCasePauseDto {
  @IsOptional()
  @IsInstant()
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
  @IsInstant()
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
  @IsInstant()
  raisedAt?: string;
}

/** `agreed`: settled by consultation; `designated`: the common superior's designation (指定管辖). */
export class ResolveJurisdictionDto {
  @IsIn(['agreed', 'designated'])
  kind: 'agreed' | 'designated';

  @Matches(BUREAU, BUREAU_MESSAGE)
  bureau: string;

  @IsOptional()
  @IsInstant()
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
  @IsInstant()
  reportedAt?: string;

  /** The head's approval when it was given on paper before this record (back-filling). */
  @IsOptional()
  @IsInstant()
  approvedAt?: string;

  /** Hand-over to the police; needs `approvedAt`. */
  @IsOptional()
  @IsInstant()
  transferredAt?: string;
}

export class PoliceApprovalDto {
  @IsOptional()
  @IsInstant()
  approvedAt?: string;
}

export class PoliceHandoverDto {
  @IsOptional()
  @IsInstant()
  transferredAt?: string;
}

export class PoliceResultDto {
  @IsIn(['accepted', 'returned'])
  result: 'accepted' | 'returned';

  @IsOptional()
  @IsInstant()
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

  @IsInstant()
  at: string;
}

export class DecideCaseDto {
  @IsIn(DECISION_RESULTS)
  result: DecisionResult;

  @IsOptional()
  @IsInstant()
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
  @IsInstant()
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
  @IsInstant()
  concludedAt?: string;
}

/** 简易程序: an on-the-spot decision, recorded as a closed case with no clock. */
export class SimplifiedCaseDto {
  @IsOptional()
  @IsInstant()
  decidedAt?: string;

  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @IsObject()
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

  @IsInstant()
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

  @IsInstant()
  capturedAt: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  method: string;
}
