import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { TokenClaims } from '#libs/auth';
import { loadConfig, type ServiceConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { startService } from '#libs/service-kit';
import { CasesConfig } from '../../apps/cases/src/cases.config.js';
import { CasesModule } from '../../apps/cases/src/cases.module.js';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';
import { LeadsConfig } from '../../apps/leads/src/leads.config.js';
import { LeadsModule } from '../../apps/leads/src/leads.module.js';
import { MetricsConfig } from '../../apps/metrics/src/metrics.config.js';
import { MetricsModule } from '../../apps/metrics/src/metrics.module.js';
import { startGatewayHarness, type GatewayHarness } from './gateway-harness.js';

export const SUITE_SERVICES = ['leads', 'cases', 'complaints', 'credit', 'metrics'] as const;
export type SuiteService = (typeof SUITE_SERVICES)[number];

export interface SuiteHarness {
  h: GatewayHarness;
  services: Record<SuiteService, INestApplication>;
  /**
   * Creates a user and signs its token the way login does. Login itself is rate-limited per
   * client (LOGIN_RATE_LIMIT_PER_MINUTE), which a test needing dozens of users would trip.
   */
  token(role: Role, bureau: string, username?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The whole suite in one process: gateway + every backend service on one test database, NATS prefix and clock. */
export async function startSuiteHarness(options: { now?: string } = {}): Promise<SuiteHarness> {
  const h = await startGatewayHarness({ now: options.now ?? '2026-11-27T02:00:00Z' });
  const boot = <C extends ServiceConfig>(name: SuiteService, configClass: new () => C, register: (config: C) => unknown) => {
    const config = loadConfig(configClass, h.env);
    return startService(register(config), name, config);
  };
  const services = {} as Record<SuiteService, INestApplication>;
  try {
    services.leads = await boot('leads', LeadsConfig, (c) => LeadsModule.register(c, { clock: h.clock }));
    services.cases = await boot('cases', CasesConfig, (c) => CasesModule.register(c, { clock: h.clock }));
    services.complaints = await boot('complaints', ComplaintsConfig, (c) => ComplaintsModule.register(c, { clock: h.clock }));
    services.credit = await boot('credit', CreditConfig, (c) => CreditModule.register(c, { clock: h.clock }));
    services.metrics = await boot('metrics', MetricsConfig, (c) => MetricsModule.register(c, { clock: h.clock }));
  } catch (error) {
    await Promise.allSettled(Object.values(services).map((s) => s.close()));
    await h.close();
    throw error;
  }
  let n = 0;
  return {
    h,
    services,
    async token(role, bureau, username = `${role}_${bureau}_s${++n}`) {
      await h.app.get(UsersService).create({ username, password: 'correct-horse-battery', role, bureau });
      const claims: TokenClaims = { sub: username, role, bureau };
      return h.app.get(JwtService).signAsync(claims);
    },
    async stop() {
      await Promise.allSettled(Object.values(services).map((s) => s.close()));
      await h.close();
    },
  };
}
