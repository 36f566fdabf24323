import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, ValidateIf, type ValidationArguments } from 'class-validator';
import { ServiceConfig } from '#libs/config';

const usesS3 = (c: CasesConfig) => c.EVIDENCE_STORE === 's3';
/** One line per setting: an absent one is named as required, not also as malformed. */
const REQUIRED = 'is required when EVIDENCE_STORE=s3';
const requiredForS3 = (shape: string) => ({
  message: ({ value }: ValidationArguments) => (value === undefined ? REQUIRED : shape),
});

export class CasesConfig extends ServiceConfig {
  /** Largest evidence file accepted (bytes). */
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

  /** Where evidence bytes live: the local disk (EVIDENCE_DIR) or an S3-compatible bucket (EVIDENCE_S3_*). */
  @IsIn(['disk', 's3'])
  EVIDENCE_STORE: 'disk' | 's3' = 'disk';

  /** Directory of the local-disk evidence store (files named by SHA-256); relative paths start at the working directory. */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_DIR = 'data/evidence';

  @ValidateIf(usesS3)
  @Matches(/^https?:\/\/[^/\s]+\/?$/, requiredForS3('must be an http(s)://host[:port] URL'))
  EVIDENCE_S3_ENDPOINT?: string;

  @ValidateIf(usesS3)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, requiredForS3('must be an S3 bucket name (3–63 lower-case letters, digits, . and -)'))
  EVIDENCE_S3_BUCKET?: string;

  @ValidateIf(usesS3)
  @IsNotEmpty({ message: REQUIRED })
  EVIDENCE_S3_REGION?: string;

  /** The credentials: from the environment only, never from a file in the repository. */
  @ValidateIf(usesS3)
  @IsNotEmpty({ message: REQUIRED })
  EVIDENCE_S3_ACCESS_KEY_ID?: string;

  @ValidateIf(usesS3)
  @IsNotEmpty({ message: REQUIRED })
  EVIDENCE_S3_SECRET_ACCESS_KEY?: string;

  /** Bucket in the path rather than the host name (MinIO and most self-hosted servers need it). */
  @IsBoolean({ message: 'must be true or false' })
  EVIDENCE_S3_FORCE_PATH_STYLE = false;

  /** Working days before the due date from which an open case shows as due soon. */
  @IsInt()
  @Min(1)
  @Max(30)
  REMINDER_WORKING_DAYS = 3;
}
