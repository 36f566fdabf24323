import type { Actor } from './envelope.js';

/**
 * The actor as services receive it: the gateway resolves the bureau subtree from its own
 * bureau table so services enforce visibility without a copy of the tree.
 */
export interface ScopedActor extends Actor {
  /** The actor's bureau and every bureau below it. */
  visibleBureaus: string[];
}

/**
 * Every gateway → service request-reply message. The actor comes from the verified token,
 * so each service enforces visibility itself.
 */
export interface CommandMessage<D = unknown> {
  actor: ScopedActor;
  requestId: string;
  data: D;
}

/** What a service answers on failure; the gateway maps it 1:1 to HTTP (api.md "Errors"). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}

/** Per-service health query answered over NATS request-reply. */
export const HEALTH_PATTERN = (service: string) => `${service}.health`;

export interface HealthReply {
  service: string;
  status: 'ok' | 'degraded';
  database: boolean;
  nats: boolean;
  /** Age in seconds of the oldest unpublished outbox row (0 when empty). */
  outboxLagSeconds: number;
  /** Pending messages per durable consumer of this service. */
  consumerLag: Record<string, number>;
}
