/** Who did something: carried from the gateway's token into every command and event. */
export interface Actor {
  username: string;
  role: Role;
  /** 6-digit 行政区划代码 of the actor's bureau. */
  bureau: string;
}

export const ROLES = ['officer', 'complaint_handler', 'supervisor', 'admin', 'integration', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** The one shape of every domain event (domain.md §8). */
export interface EventEnvelope<P = unknown> {
  /** UUIDv7: also the JetStream Nats-Msg-Id, so a re-published event is deduplicated. */
  id: string;
  /** Past-tense dotted type, e.g. `lead.received`. */
  type: string;
  /** Schema version of the payload. */
  version: number;
  /** When the fact happened in the domain (may be back-dated). ISO-8601. */
  occurredAt: string;
  /** When the system recorded it. ISO-8601. */
  recordedAt: string;
  aggregateType: string;
  aggregateId: string;
  /** Owning bureau of the aggregate after this event. */
  bureau: string;
  actor: Actor;
  /** The HTTP request id that caused it, carried through. */
  correlationId?: string;
  payload: P;
}

/** Headers set on every JetStream message. */
export const EVENT_HEADERS = {
  msgId: 'Nats-Msg-Id',
  type: 'Wj-Event-Type',
  version: 'Wj-Schema-Version',
  occurredAt: 'Wj-Occurred-At',
  correlationId: 'Wj-Correlation-Id',
} as const;
