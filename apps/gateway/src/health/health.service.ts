import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HEALTH_PATTERN, type HealthReply } from '#libs/contracts';
import { RelayLifecycle } from '#libs/service-kit';
import { CommandBus } from '../common/command-bus.js';
import { PrometheusRegistry } from './prometheus.registry.js';

export const BACKEND_SERVICES = ['leads', 'cases', 'complaints', 'credit', 'metrics'] as const;
const HEALTH_TIMEOUT_MS = 2000;
const SYSTEM_CONTEXT = { actor: { username: 'gateway', role: 'system' as const, bureau: '000000', visibleBureaus: [] }, requestId: 'health' };

export interface Readiness {
  ready: boolean;
  database: boolean;
  services: Record<string, HealthReply | { status: 'down' }>;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandBus,
    private readonly relay: RelayLifecycle,
    private readonly prometheus: PrometheusRegistry,
  ) {}

  async readiness(): Promise<Readiness> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const replies = await Promise.all(
      BACKEND_SERVICES.map(async (service) => {
        try {
          return [service, await this.commands.send<HealthReply>(HEALTH_PATTERN(service), SYSTEM_CONTEXT, {}, HEALTH_TIMEOUT_MS)] as const;
        } catch {
          return [service, { status: 'down' as const }] as const;
        }
      }),
    );
    const services = Object.fromEntries(replies);
    const ready = database && replies.every(([, r]) => r.status === 'ok');
    this.record(services, database ? await this.relay.relay.lagSeconds().catch(() => -1) : -1);
    return { ready, database, services };
  }

  private record(services: Readiness['services'], gatewayOutboxLag: number): void {
    this.prometheus.outboxLag.set({ service: 'gateway' }, gatewayOutboxLag);
    for (const [service, reply] of Object.entries(services)) {
      this.prometheus.serviceUp.set({ service }, reply.status === 'ok' ? 1 : 0);
      if ('outboxLagSeconds' in reply) {
        this.prometheus.outboxLag.set({ service }, reply.outboxLagSeconds);
        for (const [consumer, lag] of Object.entries(reply.consumerLag)) this.prometheus.consumerLag.set({ service, consumer }, lag);
      }
    }
  }
}
