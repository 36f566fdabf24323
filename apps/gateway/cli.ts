import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '#libs/config';
import { Clock } from '#libs/service-kit';
import type { Role } from '#libs/contracts';
import { ApiKeysService } from './src/api-keys/api-keys.service.js';
import { AuditService } from './src/audit/audit.service.js';
import { BureausService } from './src/bureaus/bureaus.service.js';
import { parseFlags } from './src/cli/cli-args.js';
import { seedDemo } from './src/cli/seed-demo.js';
import { CommandBus } from './src/common/command-bus.js';
import { GatewayConfig } from './src/gateway.config.js';
import { GatewayModule } from './src/gateway.module.js';
import { UsersRepository } from './src/users/users.repository.js';
import { UsersService } from './src/users/users.service.js';

const USAGE = `usage:
  npm run cli -- user:create --username U --password P --role officer|complaint_handler|supervisor|admin|integration --bureau 320902
  npm run cli -- apikey:create --username U --label "12315 exchange"
  npm run cli -- seed:demo
  npm run cli -- audit:verify`;

const [command, ...rest] = process.argv.slice(2);
if (!['user:create', 'apikey:create', 'seed:demo', 'audit:verify'].includes(command ?? '')) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(64);
}

const config = loadConfigOrExit(GatewayConfig, 'cli');
const app = await NestFactory.createApplicationContext(GatewayModule.register(config), { logger: ['error', 'warn'] });
let exitCode = 0;
try {
  if (command === 'user:create') {
    const flags = parseFlags(rest);
    const user = await app.get(UsersService).create({
      username: flags.username ?? '',
      password: flags.password ?? '',
      role: flags.role as Role,
      bureau: flags.bureau ?? '',
      displayName: flags.name,
    });
    process.stdout.write(`${JSON.stringify(user)}\n`);
  } else if (command === 'apikey:create') {
    const flags = parseFlags(rest);
    const user = await app.get(UsersRepository).findByUsername(flags.username ?? '');
    // The operator at the console acts as an admin of that user's own bureau.
    const operator = { username: 'cli', role: 'admin' as const, bureau: user?.bureau ?? '', visibleBureaus: user ? [user.bureau] : [] };
    const issued = await app.get(ApiKeysService).issue(operator, flags.username ?? '', flags.label ?? 'cli');
    process.stdout.write(`${JSON.stringify(issued)}\n`);
  } else if (command === 'audit:verify') {
    const verification = await app.get(AuditService).verify();
    process.stdout.write(`${JSON.stringify(verification)}\n`);
    if (!verification.ok) exitCode = 2;
  } else {
    const result = await seedDemo({ users: app.get(UsersService), bureaus: app.get(BureausService), commands: app.get(CommandBus), now: app.get(Clock).now() });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
} catch (error) {
  process.stderr.write(`${JSON.stringify({ error: (error as Error).message, ...(error as { details?: object }).details ? { details: (error as { details?: object }).details } : {} })}\n`);
  exitCode = 1;
} finally {
  await app.close();
}
process.exit(exitCode);
