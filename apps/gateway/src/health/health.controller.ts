import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { HealthService } from './health.service.js';
import { PrometheusRegistry } from './prometheus.registry.js';

@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly prometheus: PrometheusRegistry,
  ) {}

  @Get('health')
  live() {
    return { status: 'ok' };
  }

  /** 503 while the database, NATS or any backend service is unreachable. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const readiness = await this.health.readiness();
    void reply.status(readiness.ready ? 200 : 503);
    return readiness;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    // Refreshes service gauges (outbox and consumer lag) on every scrape.
    await this.health.readiness();
    return this.prometheus.registry.metrics();
  }
}
