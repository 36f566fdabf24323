import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LeadsController } from './leads.controller.js';
import { ensureLeadMultipart } from './leads-multipart.js';

/** HTTP face of the leads service, including the multipart bulk import. */
@Module({ controllers: [LeadsController] })
export class LeadsGatewayModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    // The CLI boots this module as an application context, without an HTTP server.
    const http = this.adapterHost.httpAdapter;
    if (http) await ensureLeadMultipart(http.getInstance<FastifyInstance>());
  }
}
