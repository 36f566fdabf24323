import { resolve } from 'node:path';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { GatewayConfig } from '../gateway.config.js';
import { resolveConsolePath } from './console-files.js';

/** Built by `npm run build:console`; relative to the working directory the gateway starts in. */
const DEFAULT_CONSOLE_DIR = 'apps/console/dist';

/**
 * Serves the web console at `/` straight from Fastify (outside Nest's guards: the files are
 * public, the API behind them is not). Client-side routes fall back to index.html; anything
 * under /api and the operations paths keep the gateway's JSON 404.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const root = resolve(this.config.CONSOLE_DIR ?? DEFAULT_CONSOLE_DIR);
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, { root, serve: false });
    fastify.get('/*', async (request, reply) => {
      const answer = await resolveConsolePath(root, request.url);
      if (answer.kind === 'not_found') return reply.callNotFound();
      if (answer.kind === 'index') {
        // The shell must never be cached, so a new build is picked up on the next load.
        return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
      }
      return answer.hashed ? reply.sendFile(answer.path, { maxAge: '365d', immutable: true }) : reply.sendFile(answer.path, { cacheControl: false });
    });
  }
}
