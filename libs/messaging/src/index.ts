// Contracts' DTO decorators need Reflect metadata before they load.
import 'reflect-metadata';
export { newEvent, eventHeaders, parseEnvelope, isValidEventType, type NewEventInput } from './envelope.js';
export { appendToOutbox } from './outbox.js';
export { backoffDelay } from './backoff.js';
export { NATS_CONNECTION_DEFAULTS } from './nats-connection.js';
export { RouteMemo } from './route-memo.js';
export { MESSAGING_ENTITIES, OutboxRow, InboxRow } from './entities.js';
export { createMessagingTables, dropMessagingTables, createInboxAttemptTable, InboxAttempts1766500000000, outboxChannel } from './schema.js';
export {
  ensureJetStream,
  DEFAULT_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  DEFAULT_DUPLICATE_WINDOW_MS,
  RELAY_RETRY_HORIZON_MS,
  type JetStreamSetupOptions,
} from './jetstream-setup.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';
export { JetStreamEventServer, JETSTREAM_EVENTS, type JetStreamEventServerOptions } from './jetstream-event-server.js';
export { JetStreamEventContext, type JetStreamContext } from './jetstream-context.js';
export { PermanentEventError } from './permanent-event-error.js';
export { DEAD_LETTER_HEADERS } from './dead-letter.js';
export type { MessagingLogger } from './logger.js';
