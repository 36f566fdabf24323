import { IsOptional, IsString, MaxLength } from 'class-validator';
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
