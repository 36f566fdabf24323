import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NotFoundError, ValidationError } from '#libs/domain';
import { MAX_TRANSFER_PARTS, TRANSFER_PART_BYTES, type ChunkedReply, type ChunkedUpload, type UploadPartCommand } from '#libs/contracts';
import { joinParts, splitIntoParts } from './chunked-transfer.parts.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parts nobody assembled or fetched within this time are abandoned (the request has long timed out). */
export const ABANDONED_TRANSFER_AGE = '1 hour';

const invalidPart = () => ValidationError.field('file', 'INVALID_UPLOAD', 'file：上传分片无效');

/**
 * The service side of chunked transfers, over the `transfer_parts` table (createTransferTables).
 * Parts belong to the user who sent or asked for them; nobody else can assemble or fetch them.
 */
@Injectable()
export class ChunkedTransfers {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores one upload part; sending the same part twice (a retry) changes nothing. */
  async receivePart(owner: string, part: UploadPartCommand): Promise<{ received: number }> {
    const { uploadId, index, dataBase64 } = part ?? ({} as UploadPartCommand);
    if (typeof uploadId !== 'string' || !UUID.test(uploadId) || !Number.isInteger(index) || index < 0 || index >= MAX_TRANSFER_PARTS) throw invalidPart();
    if (typeof dataBase64 !== 'string') throw invalidPart();
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length === 0 || data.length > TRANSFER_PART_BYTES) throw invalidPart();
    if (index === 0) await this.purgeAbandoned();
    await this.dataSource.query(
      `INSERT INTO transfer_parts (direction, transfer_id, index, owner, data) VALUES ('upload', $1, $2, $3, $4)
       ON CONFLICT (direction, transfer_id, index) DO NOTHING`,
      [uploadId, index, owner, data],
    );
    return { received: data.length };
  }

  /** Drops the caller's parts of an upload whose final command was refused. */
  async discardUpload(owner: string, uploadId: unknown): Promise<{ discarded: number }> {
    if (typeof uploadId !== 'string' || !UUID.test(uploadId)) throw invalidPart();
    const [, discarded] = (await this.dataSource.query(`DELETE FROM transfer_parts WHERE direction = 'upload' AND transfer_id = $1 AND owner = $2`, [uploadId, owner])) as [
      unknown,
      number,
    ];
    return { discarded };
  }

  /**
   * The uploaded file, its parts deleted in the caller's transaction: if the command fails and
   * rolls back, the parts stay for a retry (or the purge).
   */
  async assemble(manager: EntityManager, owner: string, upload: ChunkedUpload | undefined, maxBytes: number, field = 'file'): Promise<Buffer> {
    if (!upload || typeof upload.uploadId !== 'string' || !UUID.test(upload.uploadId)) {
      throw ValidationError.field(field, 'INVALID_UPLOAD', `${field}：上传编号无效`);
    }
    const [rows] = (await manager.query(
      `DELETE FROM transfer_parts WHERE direction = 'upload' AND transfer_id = $1 AND owner = $2 RETURNING index, data`,
      [upload.uploadId, owner],
    )) as [{ index: number; data: Buffer }[], number];
    return joinParts(rows, upload.parts, maxBytes, field);
  }

  /** A reply for the gateway: inline when it fits one message, otherwise left in parts to fetch. */
  async offer(owner: string, bytes: Buffer): Promise<ChunkedReply> {
    if (bytes.length <= TRANSFER_PART_BYTES) return { inlineBase64: bytes.toString('base64') };
    const parts = splitIntoParts(bytes);
    if (parts.length > MAX_TRANSFER_PARTS) throw ValidationError.field('file', 'FILE_TOO_LARGE', `file：结果超过 ${MAX_TRANSFER_PARTS * TRANSFER_PART_BYTES} 字节，请缩小范围`);
    await this.purgeAbandoned();
    const downloadId = randomUUID();
    await this.dataSource.query(
      `INSERT INTO transfer_parts (direction, transfer_id, index, owner, data)
       SELECT 'download', $1, p.ord - 1, $2, p.data FROM unnest($3::bytea[]) WITH ORDINALITY AS p(data, ord)`,
      [downloadId, owner, parts],
    );
    return { downloadId, parts: parts.length, size: bytes.length };
  }

  /** Hands one part of a reply over, once: the part is deleted as it is read. */
  async downloadPart(owner: string, downloadId: string, index: number): Promise<{ dataBase64: string }> {
    if (typeof downloadId !== 'string' || !UUID.test(downloadId) || !Number.isInteger(index)) throw new NotFoundError('下载分片', String(downloadId));
    const [rows] = (await this.dataSource.query(
      `DELETE FROM transfer_parts WHERE direction = 'download' AND transfer_id = $1 AND index = $2 AND owner = $3 RETURNING data`,
      [downloadId, index, owner],
    )) as [{ data: Buffer }[], number];
    const row = rows[0];
    if (!row) throw new NotFoundError('下载分片', `${downloadId}/${index}`);
    return { dataBase64: row.data.toString('base64') };
  }

  /** Removes parts left behind by uploads never completed and replies never fetched. */
  async purgeAbandoned(): Promise<number> {
    const [, removed] = (await this.dataSource.query(`DELETE FROM transfer_parts WHERE created_at < now() - interval '${ABANDONED_TRANSFER_AGE}'`)) as [unknown, number];
    return removed;
  }
}
