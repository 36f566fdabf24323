import { randomUUID } from 'node:crypto';
import {
  downloadPartPattern,
  splitIntoParts,
  uploadPartPattern,
  type ChunkedReply,
  type ChunkedUpload,
  type DownloadPartCommand,
  type UploadPartCommand,
} from '#libs/service-kit';
import type { CommandBus } from './command-bus.js';
import type { RequestContext } from './request-context.js';

/** Parts in flight at once: enough to hide the round trips, few enough not to flood the service. */
const PARTS_IN_FLIGHT = 4;

/**
 * Sends a file to a service as `<svc>.upload_part` commands; the caller then sends its final
 * command with the returned `{ uploadId, parts }` and the service assembles them.
 */
export async function uploadInParts(commands: CommandBus, service: string, ctx: RequestContext, bytes: Buffer): Promise<ChunkedUpload> {
  const uploadId = randomUUID();
  const parts = splitIntoParts(bytes);
  let next = 0;
  const sender = async () => {
    while (next < parts.length) {
      const index = next++;
      await commands.send<unknown, UploadPartCommand>(uploadPartPattern(service), ctx, { uploadId, index, dataBase64: parts[index]!.toString('base64') });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts.length) }, sender));
  return { uploadId, parts: parts.length };
}

/** The bytes of a service reply: inline, or fetched part by part with `<svc>.download_part`. */
export async function receiveInParts(commands: CommandBus, service: string, ctx: RequestContext, reply: ChunkedReply): Promise<Buffer> {
  if ('inlineBase64' in reply) return Buffer.from(reply.inlineBase64, 'base64');
  const parts: Buffer[] = [];
  for (let index = 0; index < reply.parts; index++) {
    const part = await commands.send<{ dataBase64: string }, DownloadPartCommand>(downloadPartPattern(service), ctx, { downloadId: reply.downloadId, index });
    parts.push(Buffer.from(part.dataBase64, 'base64'));
  }
  return Buffer.concat(parts);
}
