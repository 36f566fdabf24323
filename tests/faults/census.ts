/** What the suite holds after the faults: records, outbox rows, stream messages, recomputed indicators. */
import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type pg from 'pg';
import { localDateOf } from '#libs/clock';
import { EVENT_HEADERS, type EventEnvelope } from '#libs/contracts';
import {
  classifyFact,
  evaluateIndicator,
  factsFromComplaint,
  factsFromLead,
  INDICATORS,
  type DateRange,
  type IndicatorFact,
  type IndicatorFigure,
  type StatusCounts,
} from '#libs/domain';
import { DEFAULT_MINIMUM_SAMPLE } from '../../apps/metrics/src/indicators/indicators.service.js';
import type { IntakeKind } from './intake-load.js';

export interface StreamMessage {
  seq: number;
  msgId: string;
  envelopeId: string;
  type: string;
  aggregateId: string;
}

/** Every message of a stream, read with an ephemeral ordered consumer from the first sequence. */
export async function readStream(nc: NatsConnection, stream: string): Promise<StreamMessage[]> {
  const info = await (await jetstreamManager(nc)).streams.info(stream);
  if (info.state.messages === 0) return [];
  const consumer = await jetstream(nc).consumers.get(stream, { deliver_policy: DeliverPolicy.All });
  const messages = await consumer.consume();
  const out: StreamMessage[] = [];
  for await (const m of messages) {
    const envelope = m.json<EventEnvelope>();
    out.push({ seq: m.seq, msgId: m.headers?.get(EVENT_HEADERS.msgId) ?? '', envelopeId: envelope.id, type: envelope.type, aggregateId: envelope.aggregateId });
    if (m.seq >= info.state.last_seq) break;
  }
  await messages.close();
  return out;
}

export async function streamMessageCount(nc: NatsConnection, stream: string): Promise<number> {
  return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
}

/**
 * Messages a service's durables still have to finish (undelivered + delivered but unacknowledged):
 * its durable on the whole stream, or its durables per event type (`<service>-<type>`).
 */
export async function consumerBacklog(nc: NatsConnection, stream: string, service: string): Promise<number> {
  let backlog = 0;
  let durables = 0;
  for await (const info of (await jetstreamManager(nc)).consumers.list(stream)) {
    if (info.name !== service && !info.name.startsWith(`${service}-`)) continue;
    durables++;
    backlog += info.num_pending + info.num_ack_pending;
  }
  if (durables === 0) throw new Error(`no durable consumer of ${service} on ${stream}`);
  return backlog;
}

export const RECORD_TABLES: Record<IntakeKind, { schema: string; table: string; tagColumn: string }> = {
  complaint: { schema: 'complaints', table: 'complaints', tagColumn: 'description' },
  lead: { schema: 'leads', table: 'leads', tagColumn: 'title' },
};

/** Record ids per intake tag (the tag is the first word of the tagged text). */
export async function recordsByTag(db: pg.Client, kind: IntakeKind): Promise<Map<string, string[]>> {
  const t = RECORD_TABLES[kind];
  const { rows } = await db.query<{ id: string; tag: string }>(`SELECT id, split_part(${t.tagColumn}, ' ', 1) AS tag FROM ${t.schema}.${t.table}`);
  const byTag = new Map<string, string[]>();
  for (const r of rows) byTag.set(r.tag, [...(byTag.get(r.tag) ?? []), r.id]);
  return byTag;
}

/** The statuses the gateway's audit log holds per request id (one entry per audited request). */
export async function auditStatusesByRequestId(db: pg.Client): Promise<Map<string, number[]>> {
  const { rows } = await db.query<{ requestId: string; status: number }>('SELECT request_id AS "requestId", status FROM gateway.audit_log ORDER BY seq');
  const byRequest = new Map<string, number[]>();
  for (const r of rows) byRequest.set(r.requestId, [...(byRequest.get(r.requestId) ?? []), r.status]);
  return byRequest;
}

export interface OutboxRow {
  id: string;
  aggregateId: string;
  published: boolean;
}

/** Outbox rows of every schema that has an outbox (each service writes its events there first). */
export async function outboxRows(db: pg.Client): Promise<OutboxRow[]> {
  const { rows: schemas } = await db.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox'`);
  const out: OutboxRow[] = [];
  for (const { schema } of schemas) {
    const { rows } = await db.query<OutboxRow>(
      `SELECT id::text AS id, envelope->>'aggregateId' AS "aggregateId", published_at IS NOT NULL AS published FROM "${schema}".outbox`,
    );
    out.push(...rows);
  }
  return out;
}

/** The indicator facts of every complaint and lead, derived from the services' own tables. */
export async function factsFromTables(db: pg.Client, bureau: string): Promise<IndicatorFact[]> {
  const complaints = await db.query<{
    id: string;
    bureau: string;
    online: boolean;
    channel: string;
    handler: string | null;
    status: string;
    received_at: Date;
    due: string;
  }>(`SELECT id, bureau, online, channel, handler, status, received_at, current_due_date::text AS due FROM complaints.complaints WHERE bureau = $1`, [bureau]);
  const leads = await db.query<{
    id: string;
    bureau: string;
    channel: string;
    online: boolean;
    assignee: string;
    received: string;
    due: string;
    decided_at: Date | null;
    reported_back_at: Date | null;
  }>(
    `SELECT id, bureau, channel, online, assignee, received_date::text AS received, due_date::text AS due, decided_at, reported_back_at FROM leads.leads WHERE bureau = $1`,
    [bureau],
  );
  const facts: IndicatorFact[] = [];
  for (const c of complaints.rows) {
    // Intake only: a complaint still "received" runs its acceptance deadline (current_due_date).
    if (c.status !== 'received') throw new Error(`complaint ${c.id} is ${c.status}; the fault load only registers complaints`);
    facts.push(
      ...factsFromComplaint({
        id: c.id,
        bureau: c.bureau,
        online: c.online,
        channel: c.channel,
        handler: c.handler ?? '',
        receivedDate: localDateOf(c.received_at),
        acceptanceDueDate: c.due,
      }),
    );
  }
  for (const l of leads.rows) {
    facts.push(
      ...factsFromLead({
        id: l.id,
        bureau: l.bureau,
        channel: l.channel,
        online: l.online,
        assignee: l.assignee,
        receivedDate: l.received,
        dueDate: l.due,
        ...(l.decided_at ? { decidedAt: l.decided_at.toISOString() } : {}),
        ...(l.reported_back_at ? { reportedBackAt: l.reported_back_at.toISOString() } : {}),
      }),
    );
  }
  return facts;
}

/** Every indicator's figure for a period, counted item by item from the facts (default settings). */
export function recomputeFigures(facts: IndicatorFact[], period: DateRange, today: string): Map<string, IndicatorFigure> {
  const figures = new Map<string, IndicatorFigure>();
  for (const def of INDICATORS) {
    const counts: StatusCounts = { onTime: 0, late: 0, missing: 0 };
    for (const f of facts.filter((x) => x.indicator === def.code)) {
      const status = classifyFact(f, period, today);
      if (status === 'on_time') counts.onTime++;
      else if (status === 'late') counts.late++;
      else if (status === 'missing') counts.missing++;
    }
    figures.set(def.code, evaluateIndicator(def, counts, { threshold: def.threshold, comparator: def.comparator, minimumSample: DEFAULT_MINIMUM_SAMPLE, nationalRate: null }));
  }
  return figures;
}
