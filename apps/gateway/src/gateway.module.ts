import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServiceKitModule, type Clock } from '#libs/service-kit';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { ApiKeysRepository } from './api-keys/api-keys.repository.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { BureauRow } from './bureaus/bureau.entity.js';
import { BureausController } from './bureaus/bureaus.controller.js';
import { BureausRepository } from './bureaus/bureaus.repository.js';
import { BureausService } from './bureaus/bureaus.service.js';
import { CommandBus } from './common/command-bus.js';
import { GatewayConfig } from './gateway.config.js';
import { GATEWAY_FEATURES } from './gateway.features.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { PrometheusRegistry } from './health/prometheus.registry.js';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './migrations/index.js';
import { UsersController } from './users/users.controller.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

export { BureauRow };

/** The HTTP entry: auth, validation, errors, health; features forward commands to services. */
@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'gateway', schema: 'gateway', config, entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS, clock: options.clock }),
        // A key object, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a public key on every verify, a third of the gateway's per-request CPU.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_EXPIRES_IN as never },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        ...GATEWAY_FEATURES,
      ],
      controllers: [AuditController, AuthController, UsersController, ApiKeysController, BureausController, HealthController],
      providers: [
        { provide: GatewayConfig, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        ApiKeysRepository,
        ApiKeysService,
        AuditRepository,
        AuditService,
        CommandBus,
        BureausRepository,
        BureausService,
        UsersRepository,
        UsersService,
        HealthService,
        PrometheusRegistry,
      ],
      exports: [AuditService, CommandBus, BureausService, UsersService, PrometheusRegistry, GatewayConfig],
      global: true,
    };
  }
}
