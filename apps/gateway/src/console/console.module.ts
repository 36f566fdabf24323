import { createReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { GatewayConfig } from '../gateway.config.js';
import { resolveConsolePath } from './console-files.js';

/** Built by `npm run build:console`; relative to the working directory the gateway starts in. */
const DEFAULT_CONSOLE_DIR = 'apps/console/dist';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the web console at `/` straight from Fastify (outside Nest's guards: the files are
 * public, the API behind them is not). Client-side routes fall back to index.html; anything
 * under /api and the operations paths keep the gateway's JSON 404.
 *
 * Plain streams rather than @fastify/static: that plugin pulls in an ESM-only dependency that
 * jest's ESM loader cannot require, which would take every gateway test down with it.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  onModuleInit(): void {
    // The CLI boots this module as an application context, without an HTTP server.
    if (!this.adapterHost.httpAdapter) return;
    const root = resolve(this.config.CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR);
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/*', async (request, reply) => {
      const answer = await resolveConsolePath(root, request.url);
      if (answer.kind === 'not_found') return reply.callNotFound();
      const file = answer.kind === 'index' ? 'index.html' : answer.path;
      // Hashed assets never change; the shell must never be cached so a new build is picked up.
      const cache = answer.kind === 'file' && answer.hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
      return reply
        .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
        .header('cache-control', cache)
        .send(createReadStream(resolve(root, file)));
    });
  }
}
