import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CREDIT_LISTS, GRADES, LIST_CATEGORIES, MANUAL_RECORD_KINDS, OPERATOR_KINDS, SECTORS } from '#libs/domain';
import type { CreditList, Grade, ListCategory, ManualRecordKind, OperatorKind, Sector } from '#libs/domain';
import { PageQueryDto } from './paging.dto.js';
import { IsLocalDate, IsUscc } from './validators.js';

const BUREAU = /^\d{6}$/;
const BUREAU_MESSAGE = { message: '$property must be a 6-digit division code' };
const POSITIVE_INT = /^[1-9]\d{0,5}$/;

export class RegisterOperatorDto {
  @IsUscc()
  uscc: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(OPERATOR_KINDS)
  kind: OperatorKind;

  @Matches(BUREAU, BUREAU_MESSAGE)
  domicileBureau: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  businessBureau?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  platform?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  storeIds?: string[];

  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}

/** PATCH: completes an operator registered from a lead or complaint, or corrects one. */
export class UpdateOperatorDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsIn(OPERATOR_KINDS)
  kind?: OperatorKind;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  domicileBureau?: string;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  businessBureau?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  platform?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  storeIds?: string[];

  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}

export class ListOperatorsQueryDto {
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @IsOptional()
  @Matches(BUREAU, BUREAU_MESSAGE)
  bureau?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Matches(POSITIVE_INT, { message: '$property must be a positive integer' })
  page?: string;

  @IsOptional()
  @Matches(POSITIVE_INT, { message: '$property must be a positive integer' })
  pageSize?: string;
}

export class CreditAsOfQueryDto {
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class ListEntryDto {
  @IsIn(CREDIT_LISTS)
  list: CreditList;

  @IsLocalDate()
  enteredAt: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;

  /** Defaults to `other`; `life_health` entries are never repaired early. */
  @IsOptional()
  @IsIn(LIST_CATEGORIES)
  category?: ListCategory;
}

export class ListRemovalDto {
  @IsLocalDate()
  removedAt: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class CreditRecordDto {
  @IsIn(MANUAL_RECORD_KINDS)
  kind: ManualRecordKind;

  @IsLocalDate()
  date: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description: string;
}

export class CreditRepairDto {
  @IsUUID()
  recordId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidence?: string;
}

export class RepairDecisionDto {
  @IsBoolean()
  approved: boolean;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export const CREDIT_REPAIR_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CreditRepairStatus = (typeof CREDIT_REPAIR_STATUSES)[number];

/** `GET /credit-repairs`: the repair requests of every operator the caller sees, e.g. those waiting for a decision. */
export class ListCreditRepairsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(CREDIT_REPAIR_STATUSES)
  status?: CreditRepairStatus;
}

export class GradeTreatmentDto {
  @IsNumber({ maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1)
  samplingRatio: number;

  @IsInt()
  @Min(0)
  @Max(52)
  checksPerYear: number;
}

export class InspectionPolicyDto {
  @ValidateNested()
  @Type(() => GradeTreatmentDto)
  A: GradeTreatmentDto;

  @ValidateNested()
  @Type(() => GradeTreatmentDto)
  B: GradeTreatmentDto;

  @ValidateNested()
  @Type(() => GradeTreatmentDto)
  C: GradeTreatmentDto;

  @ValidateNested()
  @Type(() => GradeTreatmentDto)
  D: GradeTreatmentDto;
}

export class InspectionDrawDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  campaign: string;

  @Matches(BUREAU, BUREAU_MESSAGE)
  bureau: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  seed?: string;
}

/** Command data: path parameters travel with the body. */
export interface OperatorRef {
  uscc: string;
}
export type UpdateOperatorCommand = UpdateOperatorDto & OperatorRef;
export type CreditQueryCommand = CreditAsOfQueryDto & OperatorRef;
export type ListEntryCommand = ListEntryDto & OperatorRef;
export type ListRemovalCommand = ListRemovalDto & OperatorRef & { entryId: string };
export type CreditRecordCommand = CreditRecordDto & OperatorRef;
export type CreditRepairCommand = CreditRepairDto & OperatorRef;
export type RepairDecisionCommand = RepairDecisionDto & { repairId: string };
export type InspectionPolicyCommand = InspectionPolicyDto & { bureau: string };
/**
 * The gateway adds what only it knows: the officers of the drawing bureau (inspector pool)
 * and the bureau's subtree (whose operators are drawn).
 */
export type InspectionDrawCommand = InspectionDrawDto & { inspectors: string[]; bureauScope: string[] };
