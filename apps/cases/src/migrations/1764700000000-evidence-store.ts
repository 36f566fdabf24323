import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTransferTables, dropTransferTables } from '#libs/service-kit';
import type { EvidenceStore } from '../evidence/evidence-store.js';

/** Rows moved per round trip: evidence files reach 10 MB, so a few at a time bound the memory. */
const BATCH = 8;

/**
 * Evidence bytes move from the `evidence.content` column to the EvidenceStore (each file written
 * durably before the column is dropped in this migration's transaction), and the evidence-only
 * upload parts give way to the shared chunked-transfer table. Built around the configured store,
 * so the backfill writes where the service will read.
 */
export function evidenceStoreMigration(store: EvidenceStore): new () => MigrationInterface {
  return class EvidenceStore1764700000000 implements MigrationInterface {
    name = 'EvidenceStore1764700000000';

    async up(qr: QueryRunner): Promise<void> {
      await createTransferTables(qr);
      // Parts of uploads in flight across the upgrade: their requests fail and are sent again.
      await qr.query(`DROP TABLE evidence_upload_parts`);
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows: { id: string; sha256: string; content: Buffer }[] = await qr.query(
          `SELECT id, sha256, content FROM evidence WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
          [after],
        );
        if (rows.length === 0) break;
        // Under the hash taken at capture, bytes as they are: a row altered before the move stays detectable.
        for (const row of rows) await store.put(row.sha256, row.content);
        after = rows[rows.length - 1]!.id;
      }
      await qr.query(`ALTER TABLE evidence DROP COLUMN content`);
    }

    async down(qr: QueryRunner): Promise<void> {
      await qr.query(`ALTER TABLE evidence ADD COLUMN content bytea`);
      const rows: { id: string; sha256: string }[] = await qr.query(`SELECT id, sha256 FROM evidence`);
      // Bytes gone from the store come back empty, so the old read path flags them as a mismatch.
      for (const row of rows) await qr.query(`UPDATE evidence SET content = $2 WHERE id = $1`, [row.id, (await store.get(row.sha256)) ?? Buffer.alloc(0)]);
      await qr.query(`ALTER TABLE evidence ALTER COLUMN content SET NOT NULL`);
      await qr.query(`
        CREATE TABLE evidence_upload_parts (
          upload_id uuid NOT NULL,
          index int NOT NULL,
          case_id uuid NOT NULL,
          data bytea NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (upload_id, index)
        )`);
      await dropTransferTables(qr);
    }
  };
}
