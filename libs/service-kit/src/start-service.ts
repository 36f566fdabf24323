import { ConsoleLogger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '#libs/config';
import { natsNames } from '#libs/contracts';
import { JetStreamEventServer } from '#libs/messaging';
import { ConsumerRegistry } from './consumer-registry.js';
import { RpcErrorFilter } from './rpc-error.filter.js';
import { CommandServer } from './prefixed-nats.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * A service listening to a few event types gets a durable per type (cases, complaints, leads);
 * credit and metrics listen to nearly every type and keep one durable on the whole stream.
 */
const FILTER_BY_HANDLERS = 4;

export function jsonLogger(config: ServiceConfig, context: string): ConsoleLogger {
  const upTo = LEVELS.indexOf(config.LOG_LEVEL as LogLevel);
  return new ConsoleLogger(context, { json: true, logLevels: LEVELS.slice(0, upTo + 1) });
}

/**
 * Boots one backend service: commands over core-NATS request-reply in a queue group (so
 * replicas share load), domain events from its durable JetStream consumer. No HTTP port:
 * only the gateway speaks HTTP. A process hosting several services (all-in-one) passes
 * `shutdownHooks: false` and closes them itself, in order; each context's own signal
 * handler would close them all at once and re-raise the signal.
 */
export async function startService(
  rootModule: unknown,
  name: string,
  config: ServiceConfig,
  options: { shutdownHooks?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule as never, new FastifyAdapter(), {
    logger: jsonLogger(config, name),
    abortOnError: false,
  });
  app.useGlobalFilters(new RpcErrorFilter());
  const names = natsNames(config.NATS_PREFIX);
  const servers = config.NATS_URL.split(',');
  app.connectMicroservice(
    { strategy: new CommandServer(names.commandPrefix, { servers, queue: `${config.NATS_PREFIX}-${name}` }) },
    { inheritAppConfig: true },
  );
  const events = new JetStreamEventServer({ servers: config.NATS_URL, names, durable: name, dataSource: app.get(DataSource), filterByHandlers: FILTER_BY_HANDLERS });
  app.get(ConsumerRegistry).register(name, events);
  app.connectMicroservice({ strategy: events }, { inheritAppConfig: true });
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();
  // Init hooks first (the calendar is loaded, the relay started): a backlog of events or
  // commands waiting in NATS is then never handled by a half-initialised service.
  await app.init();
  await app.startAllMicroservices();
  return app;
}
