import { describe, expect, it } from '@jest/globals';
import { whenDatabaseReachable } from './boot-retry.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe(whenDatabaseReachable.name, () => {
  it('tries again while the database refuses connections, then returns what the work returns', async () => {
    const warnings: string[] = [];
    let calls = 0;
    const result = await whenDatabaseReachable(async () => {
      if (++calls <= 2) throw refused();
      return 'migrated';
    }, (m) => warnings.push(m));
    expect({ result, calls }).toEqual({ result: 'migrated', calls: 3 });
    expect(warnings).toEqual([
      'database unreachable at boot (connect ECONNREFUSED 127.0.0.1:5432); trying again in 200 ms',
      'database unreachable at boot (connect ECONNREFUSED 127.0.0.1:5432); trying again in 400 ms',
    ]);
  });

  it('throws at once a failure that is not the database being unreachable (a broken migration)', async () => {
    let calls = 0;
    const broken = Object.assign(new Error('relation "leads" already exists'), { code: '42P07' });
    await expect(whenDatabaseReachable(async () => {
      calls++;
      throw broken;
    }, () => undefined)).rejects.toBe(broken);
    expect(calls).toBe(1);
  });

  it('gives up once the next pause would pass the wait, with the last failure', async () => {
    let calls = 0;
    await expect(whenDatabaseReachable(async () => {
      calls++;
      throw refused();
    }, () => undefined, 500)).rejects.toThrow('ECONNREFUSED');
    // 200 ms, then 400 ms would end past 500 ms.
    expect(calls).toBe(2);
  });
});
