import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class CasesConfig extends ServiceConfig {
  /** Largest evidence file accepted (bytes); stored in the database as bytea. */
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

  /** Working days before the due date from which an open case shows as due soon. */
  @IsInt()
  @Min(1)
  @Max(30)
  REMINDER_WORKING_DAYS = 3;
}
