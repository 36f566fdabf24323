import { Logger, Module, type DynamicModule, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '#libs/config';
import { natsNames } from '#libs/contracts';
import { createServiceDataSource, migrate } from '#libs/database';
import { MESSAGING_ENTITIES } from '#libs/messaging';
import { whenDatabaseReachable } from './boot-retry.js';
import { CalendarYearRow } from './calendar-year.entity.js';
import { CalendarHandlers } from './calendar.handlers.js';
import { CalendarProvider } from './calendar.provider.js';
import { Clock, SystemClock } from './clock.js';
import { ConsumerRegistry } from './consumer-registry.js';
import { createHealthHandlers } from './health.handlers.js';
import { RelayLifecycle } from './relay.lifecycle.js';
import { NATS_NAMES } from './tokens.js';

export interface ServiceKitOptions {
  /** Service name: its command patterns, queue group, durable consumer and health pattern. */
  name: string;
  /** PostgreSQL schema the service owns. */
  schema: string;
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  clock?: Clock;
}

export const SERVICE_OPTIONS = Symbol('SERVICE_OPTIONS');

/**
 * What every Wangjian service shares: config, its own migrated schema, the clock, the
 * outbox relay and the health handler. Feature modules only add their own providers.
 */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const healthHandlers: Type<unknown> = createHealthHandlers(options.name);
    return {
      module: ServiceKitModule,
      global: true,
      controllers: [healthHandlers, CalendarHandlers],
      providers: [
        { provide: SERVICE_OPTIONS, useValue: options },
        { provide: ServiceConfig, useValue: options.config },
        { provide: options.config.constructor, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: NATS_NAMES, useValue: natsNames(options.config.NATS_PREFIX) },
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createServiceDataSource({
              url: options.config.DATABASE_URL,
              schema: options.schema,
              entities: [...MESSAGING_ENTITIES, CalendarYearRow, ...options.entities],
              migrations: options.migrations,
              poolSize: options.config.DATABASE_POOL_SIZE,
            });
            const log = new Logger(options.name);
            await whenDatabaseReachable(() => migrate(dataSource), (m) => log.warn(m));
            return dataSource;
          },
        },
        ConsumerRegistry,
        RelayLifecycle,
        CalendarProvider,
      ],
      exports: [SERVICE_OPTIONS, ServiceConfig, options.config.constructor, Clock, NATS_NAMES, DataSource, ConsumerRegistry, RelayLifecycle, CalendarProvider],
    };
  }
}
