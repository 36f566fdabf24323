import { IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateIf, NotEquals } from 'class-validator';
import { ServiceConfig } from '#libs/config';

const DEV_SECRET = 'wangjian-dev-secret-change-me-in-production';

export class GatewayConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Secret: signs access tokens. The development default is refused in production. */
  @MinLength(32, { message: 'must be at least 32 characters' })
  @ValidateIf((c: GatewayConfig) => c.NODE_ENV === 'production')
  @NotEquals(DEV_SECRET, { message: 'must be set to a real secret in production' })
  JWT_SECRET = DEV_SECRET;

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsString()
  NODE_ENV = 'development';

  /** Login attempts allowed per client per minute. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Directory of the built web console; served at `/`. */
  @IsOptional()
  @IsString()
  CONSOLE_DIR?: string;
}
