import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonLogger, type Clock } from '#libs/service-kit';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Builds (but does not listen) the gateway; tests and main.ts share it. */
export async function createGatewayApp(config: GatewayConfig, options: { clock?: Clock; accessLog?: boolean; docsUi?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: options.accessLog ?? true ? { level: 'info' } : false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.register(config, { clock: options.clock }), adapter, {
    logger: jsonLogger(config, 'gateway'),
    abortOnError: false,
  });
  // Only routes that opt in (login) are limited; the body matches api.md's error format.
  await app.register(rateLimit as never, {
    global: false,
    max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: () => ({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '登录尝试过于频繁，请一分钟后再试' }),
  });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Wangjian 网监 API').setDescription('网络市场监管案件办理系统 HTTP 接口').setVersion('1').addBearerAuth().build(),
  );
  // jest's ESM loader cannot load the UI's static-file plugin, so tests serve the JSON only.
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui: options.docsUi ?? true });
  app.enableShutdownHooks();
  return app;
}
