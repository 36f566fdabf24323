import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { startService, type Clock } from '#libs/service-kit';
import { CasesConfig } from '../../cases/src/cases.config.js';
import { CasesModule } from '../../cases/src/cases.module.js';
import { ComplaintsConfig } from '../../complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../complaints/src/complaints.module.js';
import { CreditConfig } from '../../credit/src/credit.config.js';
import { CreditModule } from '../../credit/src/credit.module.js';
import { LeadsConfig } from '../../leads/src/leads.config.js';
import { LeadsModule } from '../../leads/src/leads.module.js';
import { MetricsConfig } from '../../metrics/src/metrics.config.js';
import { MetricsModule } from '../../metrics/src/metrics.module.js';

export const BACKEND_SERVICES = ['leads', 'cases', 'complaints', 'credit', 'metrics'] as const;
export type BackendService = (typeof BACKEND_SERVICES)[number];
export type BackendServices = Record<BackendService, INestApplication>;

/** How a host reads one service's settings: from the process environment, or a test's env. */
export type ReadConfig = <C extends ServiceConfig>(configClass: new () => C, service: BackendService) => C;

interface Backend<C extends ServiceConfig> {
  configClass: new () => C;
  register(config: C, options: { clock?: Clock }): DynamicModule;
}

const backend = <C extends ServiceConfig>(b: Backend<C>): Backend<C> => b;

/** What each `apps/<svc>/main.ts` boots, by name. */
const BACKENDS: { [S in BackendService]: Backend<ServiceConfig> } = {
  leads: backend({ configClass: LeadsConfig, register: (c, o) => LeadsModule.register(c, o) }),
  cases: backend({ configClass: CasesConfig, register: (c, o) => CasesModule.register(c, o) }),
  complaints: backend({ configClass: ComplaintsConfig, register: (c, o) => ComplaintsModule.register(c, o) }),
  credit: backend({ configClass: CreditConfig, register: (c, o) => CreditModule.register(c, o) }),
  metrics: backend({ configClass: MetricsConfig, register: (c, o) => MetricsModule.register(c, o) }),
};

/**
 * Boots every backend service in this process, each its own Nest context exactly as its
 * `main.ts` would (own schema and migrations, outbox relay, durable JetStream consumer,
 * NATS command server); they talk over NATS as separate processes do. Every service's
 * settings are read first, so a wrong one stops the boot before anything has started.
 * Signals are the host's business: it closes what this returns.
 */
export async function startBackendServices(readConfig: ReadConfig, options: { clock?: Clock } = {}): Promise<BackendServices> {
  const configs = BACKEND_SERVICES.map((name) => [name, readConfig(BACKENDS[name].configClass, name)] as const);
  const started: Partial<BackendServices> = {};
  try {
    for (const [name, config] of configs) {
      started[name] = await startService(BACKENDS[name].register(config, { clock: options.clock }), name, config, { shutdownHooks: false });
    }
  } catch (error) {
    await stopBackendServices(started);
    throw error;
  }
  return started as BackendServices;
}

/** Closes the services together; one failing to close does not keep the others open. */
export async function stopBackendServices(services: Partial<BackendServices>): Promise<void> {
  await Promise.allSettled(Object.values(services).map((app) => app.close()));
}
