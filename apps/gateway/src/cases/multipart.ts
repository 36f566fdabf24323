import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';

/** Largest evidence file the gateway accepts (the cases service enforces its own limit too). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Registers @fastify/multipart once on the gateway's fastify instance. Awaiting the registration
 * loads the plugin at once, so a feature module checking later sees the parser and skips.
 */
export async function ensureMultipart(fastify: FastifyInstance): Promise<void> {
  if (fastify.hasContentTypeParser('multipart/form-data')) return;
  await fastify.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES } });
}
