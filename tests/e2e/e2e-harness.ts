import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import type { TokenClaims } from '#libs/auth';
import { loadConfig } from '#libs/config';
import { natsNames, type EventEnvelope, type Role } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';
import { startService } from '#libs/service-kit';
import { CasesConfig } from '../../apps/cases/src/cases.config.js';
import { CasesModule } from '../../apps/cases/src/cases.module.js';
import { ComplaintsConfig } from '../../apps/complaints/src/complaints.config.js';
import { ComplaintsModule } from '../../apps/complaints/src/complaints.module.js';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { UsersService } from '../../apps/gateway/src/users/users.service.js';
import { LeadsConfig } from '../../apps/leads/src/leads.config.js';
import { LeadsModule } from '../../apps/leads/src/leads.module.js';
import { MetricsConfig } from '../../apps/metrics/src/metrics.config.js';
import { MetricsModule } from '../../apps/metrics/src/metrics.module.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';

export type E2eService = 'leads' | 'cases' | 'complaints' | 'credit' | 'metrics';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
export type Event = EventEnvelope<Json>;

export interface E2eHarness {
  h: GatewayHarness;
  nc: NatsConnection;
  db: pg.Client;
  /** Creates a user and signs its token as login does (login is rate-limited per client). */
  token(role: Role, bureau: string): Promise<string>;
  call(method: string, url: string, token: string, payload?: unknown): Promise<HttpResult>;
  /** Closes the service's Nest app, as if its process had died. */
  stop(name: E2eService): Promise<void>;
  /** Boots the service again on the same database and prefix: its durable consumer resumes. */
  start(name: E2eService): Promise<void>;
  /** Every event on the run's stream, in stream order, read by a plain ordered consumer. */
  streamEvents(): Promise<Event[]>;
  /** Waits until no running service has an unpublished outbox row, so the stream is complete. */
  outboxesDrained(): Promise<void>;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function uscc(seed: string): string {
  const first17 = `91320902${seed.padStart(9, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

/** Polls `read` until `ok` holds; fails with the last value seen. */
export async function eventually<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  let last: T;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > until) throw new Error(`${what}: not reached within ${ms} ms; last value ${JSON.stringify(last)?.slice(0, 2000)}`);
    await sleep(100);
  }
}

const REGISTRY: Record<E2eService, (env: Record<string, string>, h: GatewayHarness) => Promise<INestApplication>> = {
  leads: (env, h) => {
    const c = loadConfig(LeadsConfig, env);
    return startService(LeadsModule.register(c, { clock: h.clock }), 'leads', c);
  },
  cases: (env, h) => {
    const c = loadConfig(CasesConfig, env);
    return startService(CasesModule.register(c, { clock: h.clock }), 'cases', c);
  },
  complaints: (env, h) => {
    const c = loadConfig(ComplaintsConfig, env);
    return startService(ComplaintsModule.register(c, { clock: h.clock }), 'complaints', c);
  },
  credit: (env, h) => {
    const c = loadConfig(CreditConfig, env);
    return startService(CreditModule.register(c, { clock: h.clock }), 'credit', c);
  },
  metrics: (env, h) => {
    const c = loadConfig(MetricsConfig, env);
    return startService(MetricsModule.register(c, { clock: h.clock }), 'metrics', c);
  },
};

/** Gateway + the named services in-process on one test database, NATS prefix and fixed clock. */
export async function startE2e(services: E2eService[], now: string): Promise<E2eHarness> {
  const h = await startGatewayHarness({ now });
  const running = new Map<E2eService, INestApplication>();
  const nc = await connect({ servers: '127.0.0.1:4222' });
  const db = new pg.Client({ connectionString: h.db.url });
  await db.connect();
  const names = natsNames(h.prefix);
  const start = async (name: E2eService) => {
    if (running.has(name)) throw new Error(`${name} already running`);
    running.set(name, await REGISTRY[name](h.env, h));
  };
  const close = async () => {
    await Promise.allSettled([...running.values()].map((s) => s.close()));
    running.clear();
    await nc.close().catch(() => undefined);
    await db.end().catch(() => undefined);
    await h.close();
  };
  try {
    for (const name of services) await start(name);
  } catch (error) {
    await close();
    throw error;
  }
  let users = 0;
  return {
    h,
    nc,
    db,
    async token(role, bureau) {
      const username = `${role}_${bureau}_e${++users}`;
      await h.app.get(UsersService).create({ username, password: 'correct-horse-battery', role, bureau });
      const claims: TokenClaims = { sub: username, role, bureau };
      return h.app.get(JwtService).signAsync(claims);
    },
    call: (method, url, token, payload) =>
      h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) }),
    async stop(name) {
      const app = running.get(name);
      if (!app) throw new Error(`${name} is not running`);
      running.delete(name);
      await app.close();
    },
    start,
    async streamEvents() {
      const jsm = await jetstreamManager(nc);
      const last = (await jsm.streams.info(names.eventStream)).state.last_seq;
      const events: Event[] = [];
      if (last === 0) return events;
      // The stream holds only this run's events (its prefix), so no subject filter is needed.
      const consumer = await jetstream(nc).consumers.get(names.eventStream);
      for (let round = 0; round < 20; round++) {
        const batch = await consumer.fetch({ max_messages: 1000, expires: 1000 });
        for await (const msg of batch) {
          events.push(msg.json<Event>());
          if (msg.seq >= last) return events;
        }
      }
      throw new Error(`stream ${names.eventStream}: read ${events.length} events, never reached sequence ${last}`);
    },
    async outboxesDrained() {
      const unpublished = async () => {
        let n = 0;
        for (const schema of running.keys()) {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
          n += rows[0].n as number;
        }
        return n;
      };
      await eventually('outboxes drained', unpublished, (n) => n === 0);
    },
    close,
  };
}

/** The request id the gateway answered with (the correlation id of the events it caused). */
export function requestIdOf(res: HttpResult): string {
  const id = res.headers.get('x-request-id');
  if (!id) throw new Error(`no x-request-id on ${res.statusCode} ${res.body}`);
  return id;
}
