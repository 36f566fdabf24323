import { DataSource, type MixedList, type EntitySchema } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The PostgreSQL schema this service owns; nothing else writes to it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** How long a query waits for a pooled connection (or a new one to open) before failing. */
  connectionTimeoutMs?: number;
}

/**
 * The gateway answers 503 once a service has not replied within NATS_REQUEST_TIMEOUT_MS (10 s by
 * default): work still queued for a connection after that only piles up behind an overloaded or
 * unreachable database, so it fails instead (a database-unavailable error: 503, or a retried event).
 */
const CONNECTION_TIMEOUT_MS = 10_000;

/** One DataSource per service, pinned to its own schema; schema changes only by migration. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      // A peer that vanished without closing (host down, network cut) is found by TCP keepalive
      // instead of leaving its connections waiting for hours.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // Raw SQL in repositories is written unqualified; the search path pins it to our schema.
      options: `-c search_path=${options.schema},public -c timezone=UTC`,
    },
  });
}

/**
 * Creates the schema if needed, then applies pending migrations, one transaction each.
 * An advisory lock serialises replicas that boot together.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  if (!dataSource.isInitialized) await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`wj-migrate-${schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`wj-migrate-${schema}`]).catch(() => undefined);
    await lock.release();
  }
}
