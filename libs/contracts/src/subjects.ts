/**
 * NATS naming. Every name takes a per-deployment prefix so that test runs (and tenants)
 * never see each other's messages.
 */
export interface NatsNames {
  /** JetStream stream holding every domain event. */
  eventStream: string;
  /** Subject of an event type: `<prefix>.ev.<type>`. */
  eventSubject(type: string): string;
  /** Wildcard covering every event subject. */
  eventWildcard: string;
  /** Dead-letter subject for a consumer: `<prefix>.dlq.<consumer>`. */
  deadLetterSubject(consumer: string): string;
  deadLetterStream: string;
  deadLetterWildcard: string;
  /** Prefix applied to request-reply command patterns. */
  commandPrefix: string;
}

export function natsNames(prefix = 'wj'): NatsNames {
  const upper = prefix.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return {
    eventStream: `${upper}_EVENTS`,
    eventSubject: (type) => `${prefix}.ev.${type}`,
    eventWildcard: `${prefix}.ev.>`,
    deadLetterSubject: (consumer) => `${prefix}.dlq.${consumer}`,
    deadLetterStream: `${upper}_DLQ`,
    deadLetterWildcard: `${prefix}.dlq.>`,
    commandPrefix: `${prefix}.cmd`,
  };
}
