import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CasesController } from './cases.controller.js';
import { EvidenceController } from './evidence.controller.js';
import { ensureMultipart } from './multipart.js';
import { SoftMeasuresController } from './soft-measures.controller.js';

/** HTTP face of the cases service: cases, evidence uploads, soft measures. */
@Module({ controllers: [CasesController, EvidenceController, SoftMeasuresController] })
export class CasesGatewayModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    // The CLI boots this module as an application context, without an HTTP server.
    const http = this.adapterHost.httpAdapter;
    if (http) await ensureMultipart(http.getInstance<FastifyInstance>());
  }
}
