import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource, MigrationInterface } from 'typeorm';
import { natsNames, type NatsNames } from '#libs/contracts';
import { createServiceDataSource, migrate } from '#libs/database';
import { createTestDatabase, uniquePrefix } from '#libs/testing';
import { MESSAGING_ENTITIES } from './entities.js';
import { ensureJetStream } from './jetstream-setup.js';

export interface MessagingTestBed {
  dataSource: DataSource;
  nc: NatsConnection;
  names: NatsNames;
  /** Deletes the streams, closes NATS and drops the database. */
  close(): Promise<void>;
}

/** A throw-away database (migrated) and JetStream streams under a unique prefix, for the messaging integration specs. */
export async function startMessagingTestBed(name: string, migration: new () => MigrationInterface): Promise<MessagingTestBed> {
  const db = await createTestDatabase(`messaging_${name}`);
  const dataSource = createServiceDataSource({ url: db.url, schema: name, entities: MESSAGING_ENTITIES, migrations: [migration] });
  await migrate(dataSource);
  const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
  const names = natsNames(uniquePrefix(name));
  await ensureJetStream(nc, names);
  return {
    dataSource,
    nc,
    names,
    async close() {
      const jsm = await jetstreamManager(nc);
      for (const s of [names.eventStream, names.deadLetterStream]) await jsm.streams.delete(s).catch(() => undefined);
      await nc.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
