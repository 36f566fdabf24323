import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '#libs/testing';
import { createServiceDataSource } from './data-source.js';

describe(createServiceDataSource.name, () => {
  let db: TestDatabase;
  let sut: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('data_source');
    sut = createServiceDataSource({ url: db.url, schema: 'public', entities: [], migrations: [], poolSize: 1, connectionTimeoutMs: 300 });
    await sut.initialize();
  });

  afterAll(async () => {
    await sut.destroy();
    await db.drop();
  });

  it('fails a query that waits too long for a pooled connection instead of queueing it for ever', async () => {
    let waited: unknown;
    await sut.transaction(async (manager) => {
      await manager.query('SELECT 1');
      const started = Date.now();
      waited = await sut.query('SELECT 1').then(
        () => 'answered',
        (error: Error) => ({ message: error.message, ms: Date.now() - started }),
      );
    });
    expect(waited).toEqual({ message: expect.stringMatching(/timeout exceeded when trying to connect/), ms: expect.any(Number) });
    expect((waited as { ms: number }).ms).toBeLessThan(5_000);
    await expect(sut.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });
});
