import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class LeadsConfig extends ServiceConfig {
  /** Work-queue reminder: leads due within this many working days are flagged (domain.md §2). */
  @IsInt()
  @Min(1)
  @Max(15)
  LEAD_DUE_SOON_WORKING_DAYS = 3;

  /** Largest import file accepted (bytes, as assembled from its upload parts). */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  LEAD_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
}
