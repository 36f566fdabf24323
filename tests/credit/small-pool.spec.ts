import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { loadConfig } from '#libs/config';
import { natsNames } from '#libs/contracts';
import { newEvent } from '#libs/messaging';
import { startService } from '#libs/service-kit';
import { within } from '#libs/testing';
import { CreditConfig } from '../../apps/credit/src/credit.config.js';
import { CreditModule } from '../../apps/credit/src/credit.module.js';
import { startGatewayHarness, type GatewayHarness, type HttpResult } from '../support/gateway-harness.js';
import { caseDecided, eventually, usccIn } from './credit-harness.js';

jest.setTimeout(60_000);

const BUREAU = '320902';
const TIMED_OUT = 'timed out: a transaction waited for a second connection';

/**
 * The credit service on the smallest pool it accepts: two connections, one of them kept by the
 * outbox relay's LISTEN. Commands, event transactions and the regrade sweep (at boot and on
 * demand) then share one connection, so any of them waiting for a second one hangs the service.
 */
describe('credit service on a two-connection pool', () => {
  let h: GatewayHarness;
  let credit: INestApplication;
  let nc: NatsConnection;
  let officer: string;
  let admin: string;

  const send = (method: string, url: string, token: string, payload?: unknown): Promise<HttpResult> =>
    h.request({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
  const publish = async (type: string, payload: unknown) => {
    const event = newEvent({ type, aggregateType: type.split('.')[0]!, aggregateId: 'x', bureau: BUREAU, actor: { username: 'upstream', role: 'officer', bureau: BUREAU }, payload }, h.clock.now());
    await jetstream(nc).publish(natsNames(h.prefix).eventSubject(type), JSON.stringify(event), { msgID: event.id });
  };

  beforeAll(async () => {
    h = await startGatewayHarness({ now: '2026-11-27T02:00:00Z' });
    const config = loadConfig(CreditConfig, { ...h.env, DATABASE_POOL_SIZE: '2' });
    // Booting runs the first regrade sweep.
    credit = await startService(CreditModule.register(config, { clock: h.clock }), 'credit', config);
    nc = await connect({ servers: '127.0.0.1:4222' });
    [officer, admin] = await Promise.all([h.tokenFor('officer', BUREAU), h.tokenFor('admin', BUREAU)]);
  }, 60_000);

  afterAll(async () => {
    await credit?.close();
    await nc?.close();
    await h?.close();
  });

  it('answers commands, consumes events and sweeps at the same time', async () => {
    const registered = [1, 2, 3].map((n) => usccIn(BUREAU, n));
    const fromEvents = [4, 5, 6].map((n) => usccIn(BUREAU, n));
    const statuses = await within(
      15_000,
      Promise.all([
        ...registered.map((uscc) => send('POST', '/api/v1/operators', officer, { uscc, name: uscc, kind: 'own_site', domicileBureau: BUREAU }).then((r) => r.statusCode)),
        ...fromEvents.map((uscc, i) =>
          publish('case.decided', caseDecided({ id: `case-${i}`, bureau: BUREAU, subject: uscc, decidedAt: '2026-11-20T02:00:00Z' })).then(() => 201),
        ),
        send('POST', '/api/v1/credit/regrade', admin, {}).then((r) => r.statusCode),
        send('POST', '/api/v1/credit/regrade', admin, {}).then((r) => r.statusCode),
      ]),
      TIMED_OUT,
    );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 200, 200]);
    const grades = await eventually(
      () => Promise.all(fromEvents.map((uscc) => send('GET', `/api/v1/operators/${uscc}/credit`, officer).then((r) => (r.statusCode === 200 ? r.json().grade : r.statusCode)))),
      (g) => g.every((grade) => grade === 'C'),
      15_000,
    );
    expect(grades).toEqual(['C', 'C', 'C']);
  });

  it('regrades on demand once a publication ended, through the sweep’s own connection', async () => {
    h.clock.set('2029-11-21T01:00:00Z'); // three years after the penalties: their publication has ended
    const res = await within(15_000, send('POST', '/api/v1/credit/regrade', admin, {}), TIMED_OUT);
    expect(res).not.toBe(TIMED_OUT);
    expect((res as HttpResult).json()).toMatchObject({ asOf: '2029-11-21', regraded: 3, changed: 3 });
  });
});
