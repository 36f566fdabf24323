import { BUREAU_SEED } from '#libs/auth';
import type { Role } from '#libs/contracts';
import { ConflictError } from '#libs/domain';
import type { BureausService } from '../bureaus/bureaus.service.js';
import type { CommandBus } from '../common/command-bus.js';
import type { UsersService } from '../users/users.service.js';
import { DEMO_DEFAULTS, seedServices, type SeedOptions } from './seed-services.js';

export const DEMO_PASSWORD = 'Wangjian@2026';
const CITY = '320900';

interface DemoUser {
  username: string;
  role: Role;
  bureau: string;
}

function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'admin', role: 'admin', bureau: CITY },
    { username: 'supervisor', role: 'supervisor', bureau: CITY },
    { username: 'officer', role: 'officer', bureau: CITY },
    { username: 'handler', role: 'complaint_handler', bureau: CITY },
    { username: 'platform', role: 'integration', bureau: CITY },
  ];
  for (const b of BUREAU_SEED.filter((x) => x.parent === CITY)) {
    users.push(
      { username: `officer_${b.code}`, role: 'officer', bureau: b.code },
      { username: `officer2_${b.code}`, role: 'officer', bureau: b.code },
      { username: `handler_${b.code}`, role: 'complaint_handler', bureau: b.code },
      { username: `supervisor_${b.code}`, role: 'supervisor', bureau: b.code },
    );
  }
  return users;
}

/**
 * Demo users for every role in every Yancheng bureau, then each service's own demo records
 * (sent as commands, so every record goes through its service's rules and events).
 */
export async function seedDemo(deps: {
  users: UsersService;
  bureaus: BureausService;
  commands: CommandBus;
  now: Date;
  options?: Partial<SeedOptions>;
}): Promise<Record<string, unknown>> {
  if ((await deps.users.countNonDemo()) > 0) {
    throw new Error('seed:demo refuses to run: this database already holds non-demo users');
  }
  let created = 0;
  for (const user of demoUsers()) {
    try {
      await deps.users.create({ ...user, password: DEMO_PASSWORD }, { demo: true });
      created++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const ctx = {
    actor: { username: 'seed:demo', role: 'admin' as const, bureau: CITY, visibleBureaus: await deps.bureaus.subtree(CITY) },
    requestId: `seed-demo-${deps.now.getTime()}`,
  };
  const records = await seedServices(deps.commands, ctx, { ...DEMO_DEFAULTS, ...deps.options });
  return { users: { created, password: DEMO_PASSWORD }, records };
}
