import { randomUUID } from 'node:crypto';
import {
  discardUploadPattern,
  downloadPartPattern,
  uploadPartPattern,
  type ChunkedReply,
  type ChunkedUpload,
  type DownloadPartCommand,
  type UploadPartCommand,
} from '#libs/contracts';
import { splitIntoParts } from '#libs/service-kit';
import type { CommandBus } from './command-bus.js';
import { GatewayError } from './gateway-error.js';
import type { RequestContext } from './request-context.js';

/** Parts in flight at once: enough to hide the round trips, few enough not to flood the service. */
const PARTS_IN_FLIGHT = 4;

/** Sends a file as `<svc>.upload_part` commands; the final command carries `{ uploadId, parts }`. */
async function uploadInParts(commands: CommandBus, service: string, ctx: RequestContext, bytes: Buffer, uploadId: string): Promise<ChunkedUpload> {
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

/**
 * Uploads a file in parts and sends the command that uses it. When the service refuses the
 * upload or the command (4xx), the parts are discarded at once: refused input leaves nothing behind.
 */
export async function sendWithUpload<R, D>(
  commands: CommandBus,
  service: string,
  ctx: RequestContext,
  bytes: Buffer,
  pattern: string,
  data: (upload: ChunkedUpload) => D,
  timeoutMs?: number,
): Promise<R> {
  const uploadId = randomUUID();
  try {
    const upload = await uploadInParts(commands, service, ctx, bytes, uploadId);
    return await commands.send<R, D>(pattern, ctx, data(upload), timeoutMs);
  } catch (error) {
    if (error instanceof GatewayError && error.body.statusCode < 500) {
      await commands.send(discardUploadPattern(service), ctx, { uploadId }).catch(() => undefined);
    }
    throw error;
  }
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
