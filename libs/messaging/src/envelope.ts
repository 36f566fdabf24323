import { v7 as uuidv7 } from 'uuid';
import { EVENT_HEADERS, type Actor, type EventEnvelope } from '#libs/contracts';

export interface NewEventInput<P> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  bureau: string;
  actor: Actor;
  payload: P;
  occurredAt?: string | Date;
  correlationId?: string;
  version?: number;
}

/** Past-tense dotted, lower-case tokens: each token becomes a NATS subject token. */
const EVENT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isValidEventType(type: string): boolean {
  return EVENT_TYPE.test(type);
}

function toIso(value: string | Date, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`${field} is not a valid instant: ${String(value)}`);
  return date.toISOString();
}

/** Builds a domain event; `now` is the recording instant (injected so callers stay testable). */
export function newEvent<P>(input: NewEventInput<P>, now: Date): EventEnvelope<P> {
  if (!isValidEventType(input.type)) {
    throw new TypeError(`Event type "${input.type}" must be dotted lower-case tokens, e.g. lead.decided`);
  }
  const version = input.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new TypeError(`Event version must be a positive integer`);
  const recordedAt = toIso(now, 'now');
  const event: EventEnvelope<P> = {
    // The id takes the process's own monotonic v7 sequence, not `now`: two events recorded at the
    // same (possibly injected) instant must still sort in the order they were made.
    id: uuidv7(),
    type: input.type,
    version,
    occurredAt: input.occurredAt === undefined ? recordedAt : toIso(input.occurredAt, 'occurredAt'),
    recordedAt,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    bureau: input.bureau,
    actor: input.actor,
    payload: input.payload,
  };
  if (input.correlationId !== undefined) event.correlationId = input.correlationId;
  return event;
}

/** The JetStream headers of an event (names from `EVENT_HEADERS`). */
export function eventHeaders(event: EventEnvelope): Record<string, string> {
  const h: Record<string, string> = {
    [EVENT_HEADERS.msgId]: event.id,
    [EVENT_HEADERS.type]: event.type,
    [EVENT_HEADERS.version]: String(event.version),
    [EVENT_HEADERS.occurredAt]: event.occurredAt,
  };
  if (event.correlationId) h[EVENT_HEADERS.correlationId] = event.correlationId;
  return h;
}

/** One decoder for every message: building a TextDecoder per message was a visible cost. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export type ParsedEnvelope = { ok: true; event: EventEnvelope } | { ok: false; reason: string };

/** Validates what arrives from the stream; anything that fails goes to the dead-letter subject. */
export function parseEnvelope(data: Uint8Array | string): ParsedEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(typeof data === 'string' ? data : STRICT_UTF8.decode(data));
  } catch (err) {
    return { ok: false, reason: `unparseable JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'envelope is not a JSON object' };
  }
  const e = value as Partial<EventEnvelope>;
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return { ok: false, reason: 'envelope id is not a UUID' };
  if (typeof e.type !== 'string' || !isValidEventType(e.type)) return { ok: false, reason: 'envelope type is invalid' };
  if (typeof e.version !== 'number') return { ok: false, reason: 'envelope version is missing' };
  if (!('payload' in e)) return { ok: false, reason: 'envelope payload is missing' };
  return { ok: true, event: e as EventEnvelope };
}
