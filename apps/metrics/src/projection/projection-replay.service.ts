import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceConfig } from '#libs/config';
import { METRICS_EVENTS, PROJECTED_EVENT_TYPES, type ProjectionRebuiltPayload, type ScopedActor } from '#libs/contracts';
import { appendToOutbox, newEvent, parseEnvelope, PermanentEventError } from '#libs/messaging';
import { Clock, NATS_NAMES, type NatsNames } from '#libs/service-kit';
import { assertAdmin } from '../indicators/indicator-access.js';
import { ProjectionRepository, type RecordSnapshot } from './projection.repository.js';
import { ProjectionService } from './projection.service.js';

const PROJECTED = new Set(PROJECTED_EVENT_TYPES);
/** Snapshots projected together (newest-wins makes any split of the stream give the same result). */
const REPLAY_CHUNK = 500;

/**
 * Rebuilds the projection from the whole event stream: one transaction deletes every record and
 * fact and re-applies each event from sequence 1 through an ordered (ephemeral) consumer. Readers
 * keep the old figures until it commits; the live durable consumer keeps running — a live event
 * for a record waits on its row lock and then loses to nothing newer, since newest-wins is
 * order-independent.
 */
@Injectable()
export class ProjectionReplayService {
  private readonly logger = new Logger(ProjectionReplayService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: ProjectionService,
    private readonly repository: ProjectionRepository,
    private readonly config: ServiceConfig,
    private readonly clock: Clock,
    @Inject(NATS_NAMES) private readonly names: NatsNames,
  ) {}

  async rebuild(actor: ScopedActor, requestId: string): Promise<ProjectionRebuiltPayload> {
    assertAdmin(actor);
    const nc = await connect({ servers: this.config.NATS_URL.split(','), name: 'metrics-replay', noAsyncTraces: true, timeout: 5000 });
    try {
      const jsm = await jetstreamManager(nc);
      const lastSeq = (await jsm.streams.info(this.names.eventStream)).state.last_seq;
      return await this.dataSource.transaction(async (manager) => {
        await this.repository.clear(manager);
        let replayed = 0;
        if (lastSeq > 0) {
          // No server-side filter: multi-subject filters need NATS 2.10; the type check below filters.
          const consumer = await jetstream(nc).consumers.get(this.names.eventStream, { deliver_policy: DeliverPolicy.All });
          const messages = await consumer.consume({ max_messages: REPLAY_CHUNK });
          let chunk: RecordSnapshot[] = [];
          for await (const m of messages) {
            const parsed = parseEnvelope(m.data);
            if (parsed.ok && PROJECTED.has(parsed.event.type)) {
              try {
                chunk.push(this.projection.snapshotOf(parsed.event));
                replayed++;
              } catch (err) {
                // The live consumer dead-lettered the same message; replay skips it likewise.
                if (!(err instanceof PermanentEventError)) throw err;
              }
            }
            if (chunk.length >= REPLAY_CHUNK) {
              await this.projection.project(manager, chunk);
              chunk = [];
            }
            if (m.seq >= lastSeq || m.info.pending === 0) break;
          }
          await messages.close();
          await this.projection.project(manager, chunk);
        }
        const result = { replayed, ...(await this.repository.counts(manager)) };
        const event = newEvent(
          { type: METRICS_EVENTS.projectionRebuilt, aggregateType: 'indicator_projection', aggregateId: 'metrics', bureau: actor.bureau, actor, payload: result, correlationId: requestId },
          this.clock.now(),
        );
        await appendToOutbox(manager, [event]);
        this.logger.log({ msg: 'indicator projection rebuilt', ...result });
        return result;
      });
    } finally {
      await nc.close();
    }
  }
}
