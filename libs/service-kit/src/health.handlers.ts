import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { HEALTH_PATTERN, type HealthReply } from '#libs/contracts';
import { ConsumerRegistry } from './consumer-registry.js';
import { RelayLifecycle } from './relay.lifecycle.js';

/** Builds the health handler of one service: the pattern carries the service name. */
export function createHealthHandlers(service: string): Type<unknown> {
  @Controller()
  class HealthHandlers {
    constructor(
      private readonly dataSource: DataSource,
      private readonly relay: RelayLifecycle,
      private readonly consumers: ConsumerRegistry,
    ) {}

    @MessagePattern(HEALTH_PATTERN(service))
    async health(): Promise<HealthReply> {
      const database = await this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      );
      const outboxLagSeconds = database ? await this.relay.relay.lagSeconds().catch(() => -1) : -1;
      const consumerLag = await this.consumers.lag().catch(() => ({}));
      // Answering at all proves this service's NATS connection works.
      return { service, status: database ? 'ok' : 'degraded', database, nats: true, outboxLagSeconds, consumerLag };
    }
  }
  return HealthHandlers;
}
