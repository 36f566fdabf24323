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
  const ids: string[] = [];
  const types: string[] = [];
  const envelopes: string[] = [];
  const headers: string[] = [];
  for (const event of events) {
    if (!isValidEventType(event.type)) throw new TypeError(`Invalid event type "${event.type}"`);
    ids.push(event.id);
    types.push(event.type);
    envelopes.push(JSON.stringify(event));
    headers.push(JSON.stringify(eventHeaders(event)));
  }
  // WITH ORDINALITY keeps the caller's order in created_at (clock_timestamp per row).
  await manager.query(
    `INSERT INTO outbox (id, type, subject, envelope, headers)
     SELECT e.id, e.type, e.type, e.envelope::jsonb, e.headers::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
            AS e(id, type, envelope, headers, ord)
      ORDER BY e.ord`,
    [ids, types, envelopes, headers],
  );
}
