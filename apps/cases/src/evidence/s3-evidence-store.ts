import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { OnModuleDestroy } from '@nestjs/common';
import { EvidenceStore, storeKeyOf } from './evidence-store.js';

export interface S3EvidenceStoreOptions {
  /** `http(s)://host[:port]` of the S3-compatible server. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
}

/**
 * S3-compatible adapter: one object per evidence file, named by its SHA-256 in the bucket.
 * A PutObject is whole or absent, and the server acknowledges it only once stored.
 */
export class S3EvidenceStore extends EvidenceStore implements OnModuleDestroy {
  private readonly client: S3Client;

  constructor(private readonly options: S3EvidenceStoreOptions) {
    super();
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Only the checksum we send: the SDK's default CRC trailers (aws-chunked bodies) are refused by
      // many S3-compatible servers, and a stored object that fails the server's own checksum must
      // reach the evidence service as bytes, to be flagged as a mismatch, not fail the read.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    // Always written: the same bytes under the same name change nothing, and a damaged object is replaced.
    // A server that supports checksums (S3, MinIO) refuses a body that does not hash to it: no corrupted transfer is stored.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: storeKeyOf(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: storeKeyOf(sha256) }));
      const bytes = await res.Body!.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      // Only an absent object is missing evidence; a missing bucket or a refused credential is an outage.
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
