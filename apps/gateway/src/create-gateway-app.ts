import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonLogger, type Clock } from '#libs/service-kit';
import { AuditService, PII_REVEALED_HEADER, unauditedBody } from './audit/audit.service.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import type { AuthenticatedRequest } from './common/request-context.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Fastify's access log (pino) follows LOG_LEVEL: one line per request is 'log' level. */
const ACCESS_LOG_LEVEL: Record<string, string> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

function auditKind(method: string, url: string, piiRevealed: boolean): 'write' | 'pii_read' | 'login' | undefined {
  if (!url.startsWith('/api/')) return undefined;
  if (url.startsWith('/api/v1/auth/login')) return 'login';
  if (piiRevealed) return 'pii_read';
  return ['GET', 'HEAD', 'OPTIONS'].includes(method) ? undefined : 'write';
}

/** Builds (but does not listen) the gateway; tests and main.ts share it. */
export async function createGatewayApp(config: GatewayConfig, options: { clock?: Clock; accessLog?: boolean; docsUi?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: MAX_BODY_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    logger: options.accessLog ?? true ? { level: ACCESS_LOG_LEVEL[config.LOG_LEVEL] ?? 'info' } : false,
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
  // Security headers; the console is same-origin only, so the default CSP fits it.
  await app.register(helmet as never, { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] } } });
  const fastify = app.getHttpAdapter().getInstance();
  // Multipart is parsed lazily by the upload routes; anywhere else it would reach a JSON route
  // as an empty body, so it is refused before the handler runs.
  fastify.addHook('preValidation', async (request, reply) => {
    const multipart = /^multipart\//i.test(request.headers['content-type'] ?? '');
    if (multipart && (request.routeOptions.config as { multipart?: boolean } | undefined)?.multipart !== true) {
      await reply.status(415).send({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '此接口不接受 multipart/form-data，请以 JSON 提交' });
    }
  });
  const audit = app.get(AuditService);
  // onSend runs before the response leaves: a client that saw its write succeed can rely
  // on the audit entry already being in the chain. If the entry could not be written (the
  // repository retried through a database outage first), a success is replaced by a 503; a
  // refusal (4xx, 5xx) claims no success and goes out as it is, its entry's loss logged.
  fastify.addHook('onSend', async (request: AuthenticatedRequest, reply, payload) => {
    void reply.header('x-request-id', request.id);
    const kind = auditKind(request.method, request.url, reply.getHeader(PII_REVEALED_HEADER) === '1');
    if (!kind) return;
    reply.removeHeader(PII_REVEALED_HEADER);
    const attempted = kind === 'login' ? (request.body as { username?: unknown } | undefined)?.username : undefined;
    const actor = request.actor ?? (typeof attempted === 'string' ? { username: attempted.slice(0, 64), role: '-', bureau: '-' } : undefined);
    const audited = await audit.record({ kind, actor, method: request.method, path: request.url, status: reply.statusCode, ip: request.ip, requestId: String(request.id) });
    if (audited || reply.statusCode >= 400) return payload;
    void reply.code(503).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(unauditedBody(kind));
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Wangjian 网监 API').setDescription('网络市场监管案件办理系统 HTTP 接口').setVersion('1').addBearerAuth().addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key').build(),
  );
  // jest's ESM loader cannot load the UI's static-file plugin, so tests serve the JSON only.
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui: options.docsUi ?? true });
  app.enableShutdownHooks();
  return app;
}
