import type { INestApplication } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { natsNames, type Actor, type CaseSnapshot } from '#libs/contracts';
import { usccCheckCharacter } from '#libs/domain';
import { newEvent } from '#libs/messaging';
import { startService } from '#libs/service-kit';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';

/** A valid 统一社会信用代码 whose body carries the bureau code. */
export function usccIn(bureau: string, seq: number): string {
  const body = `91${bureau}${String(seq).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface CreditHarness {
  gw: GatewayHarness;
  credit: INestApplication;
  call(token: string, method: string, url: string, payload?: unknown): Promise<HttpResult>;
  /** Publishes another service's event to the stream, as its producer would. */
  publish(type: string, payload: unknown, bureau: string): Promise<void>;
  /** Stops the credit service and boots it again on the same database (a restart, or a new replica's boot). */
  restartCredit(): Promise<void>;
  /** Rows of credit's own database (the outbox, the record tables). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The gateway and the credit service on one test database and NATS prefix, sharing a FixedClock. */
export async function startCreditHarness(now: string): Promise<CreditHarness> {
  const gw = await startGatewayHarness({ now });
  const config = loadConfig(CreditConfig, gw.env);
  const boot = () => startService(CreditModule.register(config, { clock: gw.clock }), 'credit', config);
  const nc: NatsConnection = await connect({ servers: '127.0.0.1:4222' });
  const actor = (bureau: string): Actor => ({ username: 'upstream', role: 'officer', bureau });
  const h: CreditHarness = {
    gw,
    credit: await boot(),
    call: (token, method, url, payload) => gw.request({ method, url, headers: { authorization: `Bearer ${token}` }, payload }),
    async publish(type, payload, bureau) {
      const event = newEvent({ type, aggregateType: type.split('.')[0]!, aggregateId: 'x', bureau, actor: actor(bureau), payload }, gw.clock.now());
      await jetstream(nc).publish(natsNames(gw.prefix).eventSubject(type), JSON.stringify(event), { msgID: event.id });
    },
    async restartCredit() {
      await h.credit.close();
      h.credit = await boot();
    },
    query: (sql, params) => h.credit.get(DataSource).query(sql, params),
    async close() {
      await h.credit.close();
      await nc.close();
      await gw.close();
    },
  };
  return h;
}

/** `case.decided` as the cases service writes it: the snapshot after the decision. */
export function caseDecided(
  c: { id: string; bureau: string; subject: string; decidedAt: string; result?: 'penalty' | 'no_penalty' | 'revoked'; penalties?: { type: string; amount?: number }[] },
) {
  const result = c.result ?? 'penalty';
  const penalties = result === 'penalty' ? (c.penalties ?? [{ type: 'fine', amount: 50_000 }]) : [];
  const snapshot: CaseSnapshot = {
      id: c.id,
      bureau: c.bureau,
      originBureau: c.bureau,
      online: true,
      procedure: 'ordinary',
      status: 'decided',
      assignee: 'o',
      filedAt: '2026-01-05T02:00:00Z',
      filedDate: '2026-01-05',
      provisional: false,
      decidedAt: c.decidedAt,
      subjectUscc: c.subject,
      decision: { result, penalties },
      reviews: [],
      ruleSetId: 'r',
  };
  return { snapshot, result, penalties, decidedAt: c.decidedAt };
}
