import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting for (or done with) the relay; written in the transaction of the change. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['createdAt', 'id'], { where: 'published_at IS NULL' })
export class OutboxRow {
  /** The event id, also its Nats-Msg-Id. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  type: string;

  /** Subject relative to the deployment prefix (the event type); the relay prefixes it. */
  @Column('text')
  subject: string;

  @Column('jsonb')
  envelope: unknown;

  @Column('jsonb', { default: () => `'{}'::jsonb` })
  headers: Record<string, string>;

  @Column('timestamptz', { name: 'created_at', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}

/** One row per event a consumer has handled: redelivery finds it and does nothing. */
@Entity({ name: 'inbox' })
export class InboxRow {
  @PrimaryColumn('text')
  consumer: string;

  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt: Date;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MESSAGING_ENTITIES: Function[] = [OutboxRow, InboxRow];
