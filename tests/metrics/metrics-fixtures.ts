import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { CaseSnapshot, ComplaintSnapshot, EventEnvelope, LeadSnapshot } from '#libs/contracts';
import { natsNames } from '#libs/contracts';
import { newEvent } from '#libs/messaging';

const ACTOR = { username: 'producer', role: 'officer' as const, bureau: '320902' };

/** Factories for the producers' snapshots (libs/contracts events/snapshots.ts). */
export const factory = {
  lead(f: Partial<LeadSnapshot> & Pick<LeadSnapshot, 'id'>): LeadSnapshot {
    return {
      bureau: '320902',
      channel: 'report',
      online: true,
      status: 'verifying',
      title: '网店销售假冒商品',
      assignee: 'wang',
      receivedAt: '2026-03-01T02:00:00Z',
      receivedDate: '2026-03-01',
      dueDate: '2026-03-20',
      provisional: false,
      extended: false,
      paused: false,
      reporterRealName: false,
      ruleSetId: 'penalty-2022',
      ...f,
    };
  },
  complaint(f: Partial<ComplaintSnapshot> & Pick<ComplaintSnapshot, 'id'>): ComplaintSnapshot {
    return {
      bureau: '320902',
      online: true,
      channel: '12315',
      status: 'received',
      handler: 'li',
      receivedAt: '2026-03-02T02:00:00Z',
      receivedDate: '2026-03-02',
      acceptanceDueDate: '2026-03-11',
      ruleSetId: 'complaint-order20',
      ruleUnconfirmed: false,
      provisional: false,
      ...f,
    };
  },
  case(f: Partial<CaseSnapshot> & Pick<CaseSnapshot, 'id'>): CaseSnapshot {
    return {
      bureau: '320902',
      originBureau: '320902',
      online: true,
      procedure: 'ordinary',
      status: 'closed',
      assignee: 'zhao',
      filedAt: '2025-10-01T02:00:00Z',
      filedDate: '2025-10-01',
      provisional: false,
      reviews: [],
      ruleSetId: 'penalty-2022',
      ...f,
    };
  },
};

/** Publishes events the way the outbox relay does: JetStream, Nats-Msg-Id = event id. */
export class EventPublisher {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
  ) {}

  static async connect(prefix: string): Promise<EventPublisher> {
    return new EventPublisher(await connect({ servers: 'nats://127.0.0.1:4222' }), prefix);
  }

  event(type: string, snapshot: { id: string; bureau: string }, recordedAt: string): EventEnvelope {
    return newEvent({ type, aggregateType: type.split('.')[0], aggregateId: snapshot.id, bureau: snapshot.bureau, actor: ACTOR, payload: { snapshot } }, new Date(recordedAt));
  }

  /** `msgId` differs from the event id only to simulate a redelivery the stream cannot deduplicate. */
  async publish(event: EventEnvelope, msgId = event.id): Promise<void> {
    const names = natsNames(this.prefix);
    await jetstream(this.nc).publish(names.eventSubject(event.type), JSON.stringify(event), { msgID: msgId });
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}

export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
