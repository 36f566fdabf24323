import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { eventHeaders, isValidEventType } from './envelope.js';

/**
 * Records events in the outbox inside the caller's transaction, so the change and its events
 * commit (or roll back) together. The relay publishes them afterwards.
 */
export async function appendToOutbox(manager: EntityManager, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change (use dataSource.transaction)');
  }
  const rows: { envelope: EventEnvelope; headers: Record<string, string> }[] = [];
  for (const event of events) {
    if (!isValidEventType(event.type)) throw new TypeError(`Invalid event type "${event.type}"`);
    rows.push({ envelope: event, headers: eventHeaders(event) });
  }
  // One JSON parameter, not text arrays: an array literal of envelopes costs quote escaping on
  // both sides, several times the insert itself for a bulk import. WITH ORDINALITY keeps the
  // caller's order in created_at (clock_timestamp per row).
  await manager.query(
    `INSERT INTO outbox (id, type, subject, envelope, headers)
     SELECT (e.item->'envelope'->>'id')::uuid, e.item->'envelope'->>'type', e.item->'envelope'->>'type', e.item->'envelope', e.item->'headers'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(item, ord)
      ORDER BY e.ord`,
    [JSON.stringify(rows)],
  );
}
