import { JwtService } from '@nestjs/jwt';
import type { TokenClaims } from '#libs/auth';
import { loadConfig } from '#libs/config';
import type { Role } from '#libs/contracts';
import { startBackendServices, stopBackendServices, type BackendServices } from '../../apps/all-in-one/src/backend-services.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';
import { startGatewayHarness, type GatewayHarness } from './gateway-harness.js';

export interface SuiteHarness {
  h: GatewayHarness;
  services: BackendServices;
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
  let services: BackendServices;
  try {
    services = await startBackendServices((configClass) => loadConfig(configClass, h.env), { clock: h.clock });
  } catch (error) {
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
      await stopBackendServices(services);
      await h.close();
    },
  };
}
