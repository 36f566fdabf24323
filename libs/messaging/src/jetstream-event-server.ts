import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  jetstream,
  jetstreamManager,
  ReplayPolicy,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope, NatsNames } from '#libs/contracts';
import { backoffDelay } from './backoff.js';
import { BatchReader } from './batch-reader.js';
import { BeforeCommitHooks } from './before-commit.js';
import { deadLetterHeaders } from './dead-letter.js';
import { parseEnvelope } from './envelope.js';
import { JetStreamEventContext } from './jetstream-context.js';
import { ensureJetStream, isJetStreamApiError, type JetStreamSetupOptions } from './jetstream-setup.js';
import { defaultLogger, type MessagingLogger } from './logger.js';
import { NATS_CONNECTION_DEFAULTS } from './nats-connection.js';
import { RouteMemo } from './route-memo.js';
import { describeError, runHandlerScope, type PermanentEventError } from './permanent-event-error.js';
import { isStalled, type StallLimits } from './stall-watch.js';

/** Pass as the transport of `@EventPattern(type, JETSTREAM_EVENTS)` to bind a handler to this server only. */
export const JETSTREAM_EVENTS = Symbol('JETSTREAM_EVENTS');

/**
 * The server redelivers for ever: attempts are counted by us (inbox_attempt), because the
 * server's count also grows for copies that waited past the ack wait in a busy consumer's buffer
 * and were never attempted, and a server limit would drop a message without a dead letter.
 */
const UNLIMITED_DELIVERIES = -1;

/** `attemptOf`'s answer for an event this consumer has already handled (its ack was lost). */
const ALREADY_HANDLED = Symbol('already handled');

export interface JetStreamEventServerOptions {
  servers: string;
  names: NatsNames;
  /** Durable consumer name, also the inbox key and the dead-letter subject token. */
  durable: string;
  dataSource: DataSource;
  /** Attempts before a failing message (or one its process keeps dying on) is dead-lettered. */
  maxDeliver?: number;
  /** First redelivery delay after a handler failure; doubles per attempt up to `maxNakDelayMs`. */
  nakDelayMs?: number;
  maxNakDelayMs?: number;
  /** Redelivery of an unacked message (process died) happens after this long. */
  ackWaitMs?: number;
  /**
   * Most messages handled in one database transaction (default 500). A batch is what arrives
   * within `lingerMs` of its first message, so it is large only when the consumer is busy or
   * catching up; if any handler in it fails, the batch is rolled back and its messages are
   * handled one at a time.
   */
  batchSize?: number;
  /**
   * How long a batch waits for more messages after its first (default 20 ms). A steady stream
   * otherwise arrives a few messages at a time, each few a transaction of its own, and their
   * round trips, not the work, use up the CPU (bench P2 at 1,000 events/s).
   */
  lingerMs?: number;
  /** Messages pulled ahead (default twice `batchSize`, at most 1000 unacknowledged); a batch is at most what is pulled. */
  prefetch?: number;
  /**
   * How long each pull request waits on the server (default 5 s). The server sends heartbeats at
   * half this interval; two missed, the client pulls anew, so a lost pull costs about this long.
   */
  pullExpiresMs?: number;
  /**
   * Nothing received for this long (default 30 s), no handler running, and the server holding
   * messages for the durable: the pull subscription is closed and opened again (see `isStalled`).
   */
  stallMs?: number;
  /** Stream settings used only if the stream does not exist yet. */
  stream?: JetStreamSetupOptions;
  logger?: MessagingLogger;
  /**
   * When the handlers listen to at most this many event types (default 0: never), each type gets
   * its own durable (`<durable>-<type>`) filtered on its subject, so the service is not delivered
   * every event of the suite only to acknowledge it. NATS 2.9 filters a consumer on one subject
   * only, hence one durable per type. They share the inbox key and dead-letter subject of
   * `durable`, so switching an existing service over replays nothing twice; order holds per type.
   */
  filterByHandlers?: number;
  /** Fault injection for process-level tests only: in the handler's transaction before its commit, and after the commit before the ack. */
  faultHooks?: {
    beforeCommit?(event: EventEnvelope, deliveryCount: number): void | Promise<void>;
    afterCommit?(event: EventEnvelope, deliveryCount: number): void | Promise<void>;
  };
}

class HandlerFailure extends Error {
  constructor(
    readonly failure: unknown,
    readonly permanent: PermanentEventError | undefined,
  ) {
    super(describeError(failure));
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Listener = Function;

/** One durable and the subject it is filtered on. */
interface Route {
  durable: string;
  filter: string;
}

/** `prepare`'s answer for an event type no handler listens to. */
const NO_HANDLER = Symbol('no handler');

/** Whether a batch is being handled, and since when the subscription has been quiet. */
interface Activity {
  busy: boolean;
  quietSince: number;
}

/** A message ready for its handler. */
interface Delivery {
  m: JsMsg;
  event: EventEnvelope;
  handler: MessageHandler;
  deliveryCount: number;
}

/**
 * Nest custom transport: a durable JetStream pull consumer. Events are handled in stream order,
 * in batches of what has arrived: one database transaction records `(consumer, event id)` of the
 * batch in the inbox and runs the handlers of the events not recorded before, so a redelivery
 * after a crash (committed but not acked) is a no-op. A batch whose handler fails is rolled back
 * and handled one message per transaction; failures are retried with backoff and poison messages
 * go to the consumer's dead-letter subject, so the stream keeps flowing.
 */
export class JetStreamEventServer extends Server implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_EVENTS;
  // We await each handler and decide ack/nak/dead-letter from its outcome.
  override readonly propagatesEventHandlerErrors = true;

  private readonly maxDeliver: number;
  private readonly nakDelayMs: number;
  private readonly maxNakDelayMs: number;
  private readonly ackWaitMs: number;
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly prefetch: number;
  private readonly pullExpiresMs: number;
  private readonly stallLimits: StallLimits;
  private readonly log: MessagingLogger;
  private readonly listeners = new Map<string, Listener[]>();
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  private routes: Route[] = [];
  private readonly messages = new Map<string, ConsumerMessages>();
  private loops: Promise<void>[] = [];
  private closing = false;
  private wakeSleep?: () => void;
  private readonly routeMemo = new RouteMemo((pattern) => super.getRouteFromPattern(pattern));

  constructor(private readonly opts: JetStreamEventServerOptions) {
    super();
    if (!/^[A-Za-z0-9_-]+$/.test(opts.durable)) throw new TypeError(`Invalid durable name "${opts.durable}"`);
    this.maxDeliver = opts.maxDeliver ?? 5;
    this.nakDelayMs = opts.nakDelayMs ?? 1000;
    this.maxNakDelayMs = opts.maxNakDelayMs ?? 60_000;
    this.ackWaitMs = opts.ackWaitMs ?? 30_000;
    this.batchSize = opts.batchSize ?? 500;
    this.lingerMs = opts.lingerMs ?? 20;
    this.prefetch = opts.prefetch ?? 2 * this.batchSize;
    this.pullExpiresMs = opts.pullExpiresMs ?? 5000;
    const stallMs = opts.stallMs ?? 30_000;
    this.stallLimits = { stallMs, redeliveryStallMs: stallMs + this.ackWaitMs + this.maxNakDelayMs };
    this.log = opts.logger ?? defaultLogger(JetStreamEventServer.name);
    if (!(this.maxDeliver >= 1)) throw new RangeError('maxDeliver must be at least 1');
    if (!(this.batchSize >= 1)) throw new RangeError('batchSize must be at least 1');
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (err) {
      callback(err);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wakeSleep?.();
    await Promise.all([...this.messages.values()].map((m) => m.close().catch(() => undefined)));
    await Promise.all(this.loops);
    const nc = this.nc;
    this.nc = undefined;
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
    this._status$.next('disconnected');
  }

  /** Messages the durable has not finished: not yet delivered plus delivered-unacked. */
  async consumerLag(): Promise<number> {
    if (!this.jsm) throw new Error('JetStreamEventServer is not listening');
    let lag = 0;
    for (const route of this.routes) {
      const info = await this.jsm.consumers.info(this.opts.names.eventStream, route.durable);
      lag += info.num_pending + info.num_ack_pending;
    }
    return lag;
  }

  on(event: string, callback: Listener): void {
    const list = this.listeners.get(event) ?? [];
    list.push(callback);
    this.listeners.set(event, list);
  }

  protected override getRouteFromPattern(pattern: string): string {
    return this.routeMemo.routeOf(pattern);
  }

  unwrap<T>(): T {
    if (!this.nc) throw new Error('Not initialized. Please call the "listen"/"startAllMicroservices" method before accessing the server.');
    return this.nc as T;
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }

  private async start(): Promise<void> {
    this.closing = false;
    const nc = await connect({
      servers: this.opts.servers.split(',').map((s) => s.trim()),
      name: `events-${this.opts.durable}`,
      ...NATS_CONNECTION_DEFAULTS,
      waitOnFirstConnect: true,
    });
    this.nc = nc;
    this.js = jetstream(nc);
    this.jsm = await jetstreamManager(nc);
    void this.watchStatus(nc);
    await this.ensureStreams();
    this.routes = this.routesOfHandlers();
    for (const route of this.routes) await this.ensureConsumer(route);
    this._status$.next('connected');
    this.loops = this.routes.map((route) => this.consumeLoop(route));
  }

  private routesOfHandlers(): Route[] {
    // Request-reply patterns of the same app are registered here too; only event handlers count.
    const types = [...this.getHandlers().entries()].filter(([, handler]) => handler.isEventHandler).map(([type]) => type);
    if (types.length === 0 || types.length > (this.opts.filterByHandlers ?? 0)) {
      return [{ durable: this.opts.durable, filter: this.opts.names.eventWildcard }];
    }
    return types.sort().map((type) => ({ durable: `${this.opts.durable}-${type.replace(/[^A-Za-z0-9_-]/g, '_')}`, filter: this.opts.names.eventSubject(type) }));
  }

  private async watchStatus(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this._status$.next('disconnected');
        this.emit('disconnect', s);
      } else if (s.type === 'reconnect') {
        this._status$.next('connected');
        this.emit('reconnect', s);
      } else if (s.type === 'error') {
        this.emit('error', s);
      }
    }
  }

  private async ensureStreams(): Promise<void> {
    const jsm = this.jsm!;
    for (const stream of [this.opts.names.eventStream, this.opts.names.deadLetterStream]) {
      try {
        await jsm.streams.info(stream);
      } catch (err) {
        if (!isJetStreamApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
        await ensureJetStream(this.nc!, this.opts.names, this.opts.stream);
        return;
      }
    }
  }

  private consumerConfig(route: Route): Partial<ConsumerConfig> & { durable_name: string; ack_policy: AckPolicy } {
    return {
      durable_name: route.durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: UNLIMITED_DELIVERIES,
      filter_subject: route.filter,
      deliver_policy: DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      max_ack_pending: 1000,
    };
  }

  /** Creates the durable, or updates it if its settings changed; several replicas may race here. */
  private async ensureConsumer(route: Route): Promise<void> {
    const jsm = this.jsm!;
    const stream = this.opts.names.eventStream;
    const cfg = this.consumerConfig(route);
    const update = () =>
      jsm.consumers.update(stream, route.durable, {
        ack_wait: cfg.ack_wait,
        max_deliver: cfg.max_deliver,
        max_ack_pending: cfg.max_ack_pending,
      });
    try {
      const info = await jsm.consumers.info(stream, route.durable);
      const c = info.config;
      if (c.ack_wait !== cfg.ack_wait || c.max_deliver !== cfg.max_deliver || c.max_ack_pending !== cfg.max_ack_pending) await update();
      return;
    } catch (err) {
      if (!isJetStreamApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    }
    try {
      await jsm.consumers.add(stream, cfg);
    } catch (err) {
      // Created by a replica meanwhile (or with older settings): converge.
      if (!(err instanceof Error) || !/already (exists|in use)/i.test(err.message)) throw err;
      await update();
    }
  }

  private async consumeLoop(route: Route): Promise<void> {
    let failures = 0;
    while (!this.closing) {
      try {
        // Recreates the durable if it was deleted while we ran (a replay then goes through the inbox).
        if (failures > 0) await this.ensureConsumer(route);
        const consumer = await this.js!.consumers.get(this.opts.names.eventStream, route.durable);
        const messages = await consumer.consume({ max_messages: this.prefetch, expires: this.pullExpiresMs });
        this.messages.set(route.durable, messages);
        void this.watchConsumer(messages, route);
        if (this.closing) await messages.close();
        const activity: Activity = { busy: false, quietSince: Date.now() };
        const stopWatching = this.watchForStall(route, messages, activity);
        try {
          const reader = new BatchReader(messages[Symbol.asyncIterator]());
          for (let batch = await reader.next(this.batchSize, this.lingerMs); batch.length > 0; batch = await reader.next(this.batchSize, this.lingerMs)) {
            failures = 0;
            activity.busy = true;
            await this.handleBatch(batch);
            activity.busy = false;
            activity.quietSince = Date.now();
          }
        } finally {
          stopWatching();
        }
        if (this.closing) break;
        throw new Error('message iterator ended');
      } catch (err) {
        if (this.closing) break;
        failures++;
        const delay = backoffDelay(failures, 500, 10_000);
        this.log.warn(`consumer ${route.durable}: ${describeError(err)}; resuming in ${delay} ms`);
        await this.sleep(delay);
      }
    }
  }

  private async watchConsumer(messages: ConsumerMessages, route: Route): Promise<void> {
    for await (const s of messages.status()) {
      if (s.type === 'consumer_deleted' || s.type === 'consumer_not_found') {
        this.log.error(`consumer ${route.durable} no longer exists on ${this.opts.names.eventStream}; recreating it`);
        await messages.close().catch(() => undefined);
        return;
      }
    }
  }

  /** Closes the pull subscription when it has gone quiet while the server holds messages for it (the loop then opens a new one). */
  private watchForStall(route: Route, messages: ConsumerMessages, activity: Activity): () => void {
    let checking = false;
    const check = async () => {
      const info = await this.jsm!.consumers.info(this.opts.names.eventStream, route.durable);
      const quietMs = Date.now() - activity.quietSince;
      if (activity.busy || !isStalled(quietMs, info, this.stallLimits)) return;
      this.log.warn(
        `consumer ${route.durable}: nothing received for ${Math.round(quietMs / 1000)} s while the server holds ${info.num_pending} undelivered and ${info.num_ack_pending} unacknowledged message(s); pulling anew`,
      );
      await messages.close();
    };
    const timer = setInterval(() => {
      if (checking || activity.busy || Date.now() - activity.quietSince < this.stallLimits.stallMs) return;
      checking = true;
      // A failed check (NATS down) is the reconnect logic's business; the next tick tries again.
      check()
        .catch(() => undefined)
        .finally(() => (checking = false));
    }, Math.max(100, this.stallLimits.stallMs / 2));
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Handles pulled messages in stream order: runs of first deliveries share one transaction; a
   * redelivered message (it failed or its process died before) is handled alone, so a message
   * that keeps failing does not roll back its neighbours' batch again and again.
   */
  private async handleBatch(batch: JsMsg[]): Promise<void> {
    let run: Delivery[] = [];
    // Acked together at the end: one at a time, each ack was its own socket write (the consumer
    // of a service listening to a few of many event types spent most of its CPU there).
    const unhandled: JsMsg[] = [];
    for (const m of batch) {
      if (this.closing) {
        // Pulled but not started: hand it back now rather than after ack_wait.
        m.nak();
        continue;
      }
      const delivery = this.prepare(m);
      if (delivery === NO_HANDLER) {
        unhandled.push(m);
        continue;
      }
      if ('deadLetter' in delivery) {
        await this.deadLetter(m, delivery.deadLetter, delivery.event);
        continue;
      }
      if (delivery.deliveryCount === 1) {
        run.push(delivery);
        continue;
      }
      await this.handleRun(run);
      run = [];
      await this.handleOne(delivery);
    }
    await this.handleRun(run);
    for (const m of unhandled) m.ack();
  }

  /** What a message needs: its handler, the dead-letter subject (unparseable), or only an ack (no handler). */
  private prepare(m: JsMsg): Delivery | typeof NO_HANDLER | { deadLetter: string; event?: EventEnvelope } {
    const deliveryCount = m.info.deliveryCount;
    const parsed = parseEnvelope(m.data);
    if (!parsed.ok) return { deadLetter: parsed.reason };
    const event = parsed.event;
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) return NO_HANDLER;
    return { m, event, handler, deliveryCount };
  }

  /** One transaction for the run, then the acks; if anything fails, each message on its own. */
  private async handleRun(run: Delivery[]): Promise<void> {
    if (run.length === 0) return;
    if (run.length === 1) return this.handleOne(run[0]);
    try {
      const handled = await this.handleRunInTransaction(run);
      for (const d of handled) await this.opts.faultHooks?.afterCommit?.(d.event, d.deliveryCount);
      for (const d of run) d.m.ack();
      return;
    } catch (err) {
      // Rolled back: nothing of the run is recorded. Each message now gets its own transaction
      // and its own outcome (retry, dead letter) without holding back the others.
      this.log.warn(`consumer ${this.opts.durable}: batch of ${run.length} rolled back (${describeError(err)}); handling its messages one at a time`);
    }
    for (const d of run) {
      if (this.closing) d.m.nak();
      else await this.handleOne(d);
    }
  }

  /** Records the run in the inbox with one statement and runs the handlers of the new events, in order. */
  private async handleRunInTransaction(run: Delivery[]): Promise<Delivery[]> {
    return this.opts.dataSource.transaction(async (manager) => {
      const ids = [...new Set(run.map((d) => d.event.id.toLowerCase()))];
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.opts.durable, ids],
      );
      const fresh = new Set(inserted.map((r) => r.event_id.toLowerCase()));
      const hooks = new BeforeCommitHooks();
      const handled: Delivery[] = [];
      for (const d of run) {
        // Not fresh: handled before (we died between commit and ack), or a duplicate within the run.
        if (!fresh.delete(d.event.id.toLowerCase())) {
          this.log.log(`consumer ${this.opts.durable}: ${d.event.type} ${d.event.id} already handled; redelivery acknowledged`);
          continue;
        }
        await this.runHandler(manager, d, hooks);
        handled.push(d);
      }
      await this.runBeforeCommit(hooks);
      for (const d of handled) await this.opts.faultHooks?.beforeCommit?.(d.event, d.deliveryCount);
      return handled;
    });
  }

  private async handleOne(delivery: Delivery): Promise<void> {
    const { m, event, deliveryCount } = delivery;
    let attempt: number | typeof ALREADY_HANDLED | undefined;
    for (let retry = 1; ; retry++) {
      try {
        attempt ??= await this.attemptOf(delivery);
        if (attempt === ALREADY_HANDLED) {
          this.log.log(`consumer ${this.opts.durable}: ${event.type} ${event.id} already handled; redelivery acknowledged`);
          m.ack();
          return;
        }
        if (attempt > this.maxDeliver) {
          return await this.deadLetter(m, `attempted ${attempt - 1} times; none finished (the process died or lost its connection)`, event);
        }
        await this.handleInTransaction(delivery, attempt);
        await this.opts.faultHooks?.afterCommit?.(event, deliveryCount);
        m.ack();
        return;
      } catch (err) {
        // Only the handler throws it, so the attempt is known.
        if (err instanceof HandlerFailure) return this.handlerFailed(m, event, attempt as number, err);
        // Not the handler's fault (database down, commit lost): retry here without spending an
        // attempt, keeping the message ours meanwhile.
        if (this.closing) {
          m.nak();
          return;
        }
        const delay = backoffDelay(retry, 500, 10_000);
        this.log.warn(`consumer ${this.opts.durable}: ${event.type} ${event.id} not recorded (${describeError(err)}); retrying in ${delay} ms`);
        m.working();
        await this.sleep(delay);
      }
    }
  }

  /**
   * Which attempt at the event this delivery is: 1 on its first delivery; later, one more than
   * the attempts recorded, the new one recorded (and committed) before it starts.
   */
  private async attemptOf({ event, deliveryCount }: Delivery): Promise<number | typeof ALREADY_HANDLED> {
    if (deliveryCount === 1) return 1;
    const recorded: { attempts: number }[] = await this.opts.dataSource.query(
      `INSERT INTO inbox_attempt (consumer, event_id)
       SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2)
       ON CONFLICT (consumer, event_id) DO UPDATE SET attempts = inbox_attempt.attempts + 1
       RETURNING attempts`,
      [this.opts.durable, event.id],
    );
    return recorded.length === 0 ? ALREADY_HANDLED : recorded[0]!.attempts + 1;
  }

  private async handleInTransaction(delivery: Delivery, attempt: number): Promise<void> {
    const { event } = delivery;
    await this.opts.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.opts.durable, event.id],
      );
      // Already handled (we died between commit and ack): commit nothing new, ack again.
      if (inserted.length === 0) {
        this.log.log(`consumer ${this.opts.durable}: ${event.type} ${event.id} already handled; redelivery acknowledged`);
        return;
      }
      if (attempt > 1) await manager.query(`DELETE FROM inbox_attempt WHERE consumer = $1 AND event_id = $2`, [this.opts.durable, event.id]);
      const hooks = new BeforeCommitHooks();
      await this.runHandler(manager, delivery, hooks);
      await this.runBeforeCommit(hooks);
      await this.opts.faultHooks?.beforeCommit?.(event, delivery.deliveryCount);
    });
  }

  private async runHandler(manager: EntityManager, { m, event, handler, deliveryCount }: Delivery, hooks: BeforeCommitHooks): Promise<void> {
    const ctx = new JetStreamEventContext(manager, event, deliveryCount, m.subject, m.seq, hooks);
    const outcome = await runHandlerScope(async () => {
      const result: unknown = await handler(event, ctx);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    });
    if ('error' in outcome) throw new HandlerFailure(outcome.error, outcome.permanent);
  }

  /** The handlers' deferred work (`ctx.beforeCommit`): its failure is theirs (alone, the message's). */
  private async runBeforeCommit(hooks: BeforeCommitHooks): Promise<void> {
    const outcome = await runHandlerScope(() => hooks.flush());
    if ('error' in outcome) throw new HandlerFailure(outcome.error, outcome.permanent);
  }

  private async handlerFailed(m: JsMsg, event: EventEnvelope, attempt: number, failure: HandlerFailure): Promise<void> {
    if (failure.permanent) {
      return this.deadLetter(m, `permanent: ${failure.permanent.message}`, event);
    }
    if (attempt >= this.maxDeliver) {
      return this.deadLetter(m, `failed ${attempt} attempts: ${failure.message}`, event);
    }
    const delay = backoffDelay(attempt, this.nakDelayMs, this.maxNakDelayMs);
    this.log.warn(`consumer ${this.opts.durable}: ${event.type} ${event.id} failed (attempt ${attempt}): ${failure.message}; redelivery in ${delay} ms`);
    m.nak(delay);
  }

  /** Publishes the original message to the dead-letter subject, then terminates it. */
  private async deadLetter(m: JsMsg, reason: string, event: EventEnvelope | undefined): Promise<void> {
    const subject = this.opts.names.deadLetterSubject(this.opts.durable);
    const h = natsHeaders();
    const original: [string, string[]][] = m.headers ? [...m.headers.keys()].map((k) => [k, m.headers!.values(k)]) : [];
    for (const [k, v] of deadLetterHeaders(original, {
      reason,
      consumer: this.opts.durable,
      stream: m.info.stream,
      streamSequence: m.seq,
      subject: m.subject,
      deliveryCount: m.info.deliveryCount,
    })) {
      h.append(k, v);
    }
    // Dead-lettering twice (crash before term) is dropped by the DLQ stream's deduplication.
    const msgID = event ? `${this.opts.durable}:${event.id}` : `${this.opts.durable}:${m.seq}:${m.info.timestampNanos}`;
    try {
      await this.js!.publish(subject, m.data, { headers: h, msgID, timeout: 5000 });
    } catch (err) {
      this.log.error(`consumer ${this.opts.durable}: cannot dead-letter message ${m.seq} (${describeError(err)}); it will be redelivered`);
      m.nak(backoffDelay(m.info.deliveryCount, this.nakDelayMs, this.maxNakDelayMs));
      return;
    }
    this.log.error(`consumer ${this.opts.durable}: message ${m.seq}${event ? ` (${event.type} ${event.id})` : ''} dead-lettered to ${subject}: ${reason}`);
    m.term();
  }

  private sleep(ms: number): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeSleep = undefined;
        resolve();
      }, ms);
      this.wakeSleep = () => {
        clearTimeout(timer);
        this.wakeSleep = undefined;
        resolve();
      };
    });
  }
}
