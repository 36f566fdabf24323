import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class CasesConfig extends ServiceConfig {
  /** Largest evidence file accepted (bytes). */
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

  /** Directory of the local-disk evidence store (files named by SHA-256); relative paths start at the working directory. */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_DIR = 'data/evidence';

  /** Working days before the due date from which an open case shows as due soon. */
  @IsInt()
  @Min(1)
  @Max(30)
  REMINDER_WORKING_DAYS = 3;
}
