import { describe, expect, it } from '@jest/globals';
import { isDatabaseUnavailable } from './database-unavailable.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe(isDatabaseUnavailable.name, () => {
  it.each([
    { name: 'server shutting down (pg_ctl restart -m fast)', error: pgError('57P01', 'terminating connection due to administrator command'), unavailable: true },
    { name: 'server starting up', error: pgError('57P03', 'the database system is starting up'), unavailable: true },
    { name: 'connection exception class 08', error: pgError('08006'), unavailable: true },
    { name: 'too many connections', error: pgError('53300'), unavailable: true },
    { name: 'connection refused while the server is down', error: pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), unavailable: true },
    { name: 'connection dropped without a code', error: new Error('Connection terminated unexpectedly'), unavailable: true },
    { name: 'TypeORM wrapper around a shutdown', error: Object.assign(new Error('QueryFailedError'), { driverError: pgError('57P01') }), unavailable: true },
    {
      name: 'TypeORM query runner released when its connection died mid-transaction',
      error: Object.assign(new Error('Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
      unavailable: true,
    },
    {
      name: 'TypeORM COMMIT on a query runner released when its connection died (fault test: 1 intake in ~4,000)',
      error: Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
      unavailable: true,
    },
    { name: 'wrapped in cause', error: new Error('outer', { cause: pgError('ECONNRESET') }), unavailable: true },
    { name: 'unique violation is a bug or conflict, not an outage', error: pgError('23505'), unavailable: false },
    { name: 'syntax error', error: pgError('42601'), unavailable: false },
    { name: 'other 57 codes (query cancelled)', error: pgError('57014'), unavailable: false },
    { name: 'a plain error', error: new Error('boom'), unavailable: false },
    { name: 'not an error', error: 'text', unavailable: false },
  ])('$name → $unavailable', ({ error, unavailable }) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
  });
});
