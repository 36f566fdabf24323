import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsUscc } from './validators.js';

/**
 * How a record names the operator it concerns (domain.md §3, §5): by 统一社会信用代码 when known,
 * else by name, platform and store URL. Every field optional; a record adds its own rule on which
 * must be present.
 */
export class OperatorRefDto {
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

/** A person who reported a violation (举报人), on a report or a lead. */
export class ReporterDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @Matches(/^\+?[0-9-]{5,20}$/, { message: '$property must be a phone number' })
  phone: string;

  /** 实名举报: the reporter must be told the outcome within 5 WD of the decision. */
  @IsBoolean()
  realName: boolean;
}
