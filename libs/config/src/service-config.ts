import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/** Settings every backend service needs. Apps extend it with their own. */
export class ServiceConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/wangjian';

  /**
   * Connections in this service's PostgreSQL pool. The outbox relay keeps one for LISTEN, so
   * the least that works is two; a transaction never waits for a second connection, so a full
   * pool slows requests down but cannot hang them.
   */
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^nats:\/\//, { message: 'must be a nats:// URL (comma-separate several servers)' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Prefix of every NATS subject, stream and consumer name (isolates deployments and test runs). */
  @IsString()
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'must be lower-case letters, digits and _' })
  NATS_PREFIX = 'wj';

  /** How long a gateway waits for a service's reply before answering 503. */
  @IsInt()
  @Min(100)
  @Max(120000)
  NATS_REQUEST_TIMEOUT_MS = 10000;

  /** Days JetStream keeps events; long enough to rebuild a projection by replay. */
  @IsInt()
  @Min(1)
  EVENT_RETENTION_DAYS = 365;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL = 'log';

  @IsString()
  @IsNotEmpty()
  TZ_LOCAL = 'Asia/Shanghai';
}
