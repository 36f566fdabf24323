import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/** The gateway's Prometheus registry; features add their own gauges to it. */
@Injectable()
export class PrometheusRegistry {
  readonly registry = new Registry();

  readonly serviceUp = new Gauge({ name: 'wj_service_up', help: '1 when the service answered its health query', labelNames: ['service'], registers: [this.registry] });
  readonly outboxLag = new Gauge({ name: 'wj_outbox_lag_seconds', help: 'Age of the oldest unpublished outbox row', labelNames: ['service'], registers: [this.registry] });
  readonly consumerLag = new Gauge({ name: 'wj_consumer_pending_messages', help: 'Messages not yet acknowledged by a durable consumer', labelNames: ['service', 'consumer'], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'wj_gateway_' });
  }
}
