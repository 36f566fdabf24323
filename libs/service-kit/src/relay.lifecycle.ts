import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '#libs/config';
import { OutboxRelay } from '#libs/messaging';
import { NATS_NAMES, type NatsNames } from './tokens.js';

/** Runs this service's outbox relay for as long as the app lives. */
@Injectable()
export class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, config: ServiceConfig, @Inject(NATS_NAMES) names: NatsNames) {
    this.relay = new OutboxRelay({ dataSource, servers: config.NATS_URL, names, logger: new Logger('OutboxRelay') });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
