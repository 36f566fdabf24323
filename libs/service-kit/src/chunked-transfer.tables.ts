/**
 * Parts of files on their way in (uploads assembled by a final command) or out (replies fetched
 * part by part by the gateway). Called from a service's migration, like createCalendarTables.
 */
export async function createTransferTables(qr: { query(sql: string): Promise<unknown> }): Promise<void> {
  await qr.query(`
    CREATE TABLE transfer_parts (
      direction varchar(8) NOT NULL CHECK (direction IN ('upload', 'download')),
      transfer_id uuid NOT NULL,
      index int NOT NULL CHECK (index >= 0),
      owner varchar(64) NOT NULL,
      data bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (direction, transfer_id, index)
    )`);
  await qr.query(`CREATE INDEX transfer_parts_created_idx ON transfer_parts (created_at)`);
}

export async function dropTransferTables(qr: { query(sql: string): Promise<unknown> }): Promise<void> {
  await qr.query(`DROP TABLE transfer_parts`);
}
