import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { LEAD_CASE_PROCEDURES, LEAD_CHANNELS, LEAD_OUTCOMES, LEAD_PAUSE_REASONS, LEAD_STATUSES, type LeadCaseProcedure, type LeadChannel, type LeadOutcome, type LeadStatus } from '#libs/domain';
import type { DeadlineExplanation } from '#libs/clock';
import type { ChunkedReply, ChunkedUpload } from '../chunked-transfer.js';
import type { LeadReporter, LeadSubject } from '../events/leads.js';
import { PageQueryDto } from './paging.dto.js';
import { ReporterDto } from './parties.dto.js';
import { IsLocalDate, IsUscc } from './validators.js';

/** api.md: instants carry an offset, so a back-dated time is never read in the server's zone. */
const LEAD_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function IsLeadInstant(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true, strictSeparator: true })(target, key);
    Matches(LEAD_INSTANT, { message: '$property must be an ISO-8601 instant with offset, e.g. 2026-05-06T09:30:00+08:00' })(target, key);
  };
}

const noOtherSubjectKey = (s: LeadSubjectDto) => !s.uscc && !s.storeUrl;

/** The operator: by 统一社会信用代码 when known, else name + platform + store URL. */
export class LeadSubjectDto {
  @IsOptional()
  @IsUscc()
  uscc?: string;

  // Required only when neither the USCC nor the store URL identifies the operator; checked whenever given.
  @ValidateIf((s: LeadSubjectDto) => noOtherSubjectKey(s) || (s.name !== undefined && s.name !== ''))
  @IsString()
  @IsNotEmpty({ message: '$property: give uscc, name or storeUrl' })
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

export class CreateLeadDto {
  @IsIn(LEAD_CHANNELS)
  channel: LeadChannel;

  @IsBoolean()
  online: boolean;

  @IsOptional()
  @IsLeadInstant()
  receivedAt?: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ValidateNested()
  @Type(() => LeadSubjectDto)
  subject: LeadSubjectDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter?: ReporterDto;

  /** 上级交办/督办 deadline; only for assigned/supervised leads. */
  @IsOptional()
  @IsLocalDate()
  superiorDueDate?: string;

  /** The platform's deadline; only for platform_monitoring items. */
  @IsOptional()
  @IsLocalDate()
  platformDueDate?: string;

  /** Id in the originating system (platform item, 12315 number); intake is idempotent on it. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalRef?: string;
}

export class StartLeadPauseDto {
  @IsIn(LEAD_PAUSE_REASONS)
  reason: string;

  @IsOptional()
  @IsLeadInstant()
  startedAt?: string;
}

export class EndLeadPauseDto {
  @IsOptional()
  @IsLeadInstant()
  endedAt?: string;
}

export class ExtendLeadDto {
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class DecideLeadDto {
  @IsIn(LEAD_OUTCOMES)
  outcome: LeadOutcome;

  @IsOptional()
  @IsLeadInstant()
  decidedAt?: string;

  /** Required for no_case (不予立案理由). */
  @ValidateIf((d: DecideLeadDto) => d.outcome === 'no_case' || d.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;

  /** A 6-digit bureau code, or the name of the department with jurisdiction. */
  @ValidateIf((d: DecideLeadDto) => d.outcome === 'transfer' || d.transferTo !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  transferTo?: string;

  @ValidateIf((d: DecideLeadDto) => d.outcome === 'merge' || d.mergeInto !== undefined)
  @IsUUID()
  mergeInto?: string;

  @IsOptional()
  @IsIn(LEAD_CASE_PROCEDURES)
  procedure?: LeadCaseProcedure;
}

export class ReportBackLeadDto {
  @IsOptional()
  @IsLeadInstant()
  reportedAt?: string;
}

export class ReporterNoticeDto {
  @IsOptional()
  @IsLeadInstant()
  notifiedAt?: string;
}

export class ListLeadsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  @IsOptional()
  @IsIn(LEAD_CHANNELS)
  channel?: LeadChannel;

  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsLocalDate()
  dueBefore?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  assignee?: string;
}

export class ExportLeadsQueryDto {
  @IsLocalDate()
  from: string;

  @IsLocalDate()
  to: string;
}

export class SeedDemoLeadsDto {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @IsInt()
  @Min(1)
  @Max(2000)
  count: number;
}

/** `leads.import`: the file was sent before in `leads.upload_part` parts. */
export interface ImportLeadsCommand {
  filename: string;
  upload: ChunkedUpload;
}

/** `leads.export`: the XLSX, inline or in parts for `leads.download_part`. */
export interface ExportLeadsReply {
  filename: string;
  file: ChunkedReply;
}

export interface ImportRowReport {
  row: number;
  itemId?: string;
  status: 'imported' | 'duplicate' | 'rejected';
  leadId?: string;
  errors?: { field: string; code: string; message: string }[];
}

export interface ImportLeadsReport {
  imported: number;
  duplicates: number;
  rejected: number;
  rows: ImportRowReport[];
  /** Every problem of every rejected row: `{ row, field, code, message }`. */
  errors: { row: number; field: string; code: string; message: string }[];
}

export interface LeadPauseView {
  id: string;
  reason: string;
  startedAt: string;
  endedAt: string | null;
  recordedBy: string;
}

/** api.md `Lead`, plus the timeliness fields the work queue shows. */
export interface LeadView {
  id: string;
  bureau: string;
  channel: LeadChannel;
  online: boolean;
  status: LeadStatus;
  title: string;
  description?: string;
  subject: LeadSubject;
  reporter?: LeadReporter;
  assignee: string;
  receivedAt: string;
  dueDate: string;
  dueDateSource: 'statutory' | 'superior' | 'platform';
  statutoryDueDate: string;
  superiorDueDate?: string;
  platformDueDate?: string;
  provisional: boolean;
  ruleUnconfirmed: boolean;
  ruleSetId: string;
  ruleSetVersion: number;
  extended: boolean;
  extension?: { reason: string; approvedBy: string; approvedAt: string };
  pauses: LeadPauseView[];
  outcome?: LeadOutcome;
  decidedAt?: string;
  decisionReason?: string;
  transferTo?: string;
  transferredFrom?: { bureau: string; leadId: string };
  transferredLeadId?: string;
  mergeInto?: string;
  procedure?: LeadCaseProcedure;
  caseId?: string;
  reportedBackAt?: string;
  reporterNoticeDueDate?: string;
  reporterNotifiedAt?: string;
  duplicateOf?: string;
  externalRef?: string;
  onTime?: boolean;
  overdue: boolean;
  dueSoon: boolean;
  remind: boolean;
  /** The sender of a transferred lead sees it read-only. */
  readOnly: boolean;
  clock: string;
}

export interface LeadClockView {
  leadId: string;
  dueDate: string;
  source: 'statutory' | 'superior' | 'platform';
  statutoryDueDate: string;
  provisional: boolean;
  paused: boolean;
  ruleUnconfirmed: boolean;
  explanation: DeadlineExplanation & { limits: { source: string; dueDate: string }[]; applied: string };
}
