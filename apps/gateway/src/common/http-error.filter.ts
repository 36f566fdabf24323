import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorBody } from '#libs/contracts';
import { toErrorBody } from '#libs/service-kit';
import { GatewayError } from './gateway-error.js';

const CODE_OF_STATUS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求格式错误'],
  401: [ERROR_CODES.unauthorized, '未登录或登录已过期'],
  403: [ERROR_CODES.forbidden, '当前角色无权执行此操作'],
  404: [ERROR_CODES.notFound, '资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持的请求方法'],
  406: ['NOT_ACCEPTABLE', '不支持的响应格式'],
  409: [ERROR_CODES.conflict, '状态冲突'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  429: [ERROR_CODES.tooManyRequests, '请求过于频繁，请稍后再试'],
  503: [ERROR_CODES.serviceUnavailable, '服务暂不可用，请稍后再试'],
};

export function bodyForStatus(status: number, detail?: string): ErrorBody {
  const [code, message] = CODE_OF_STATUS[status] ?? ['HTTP_ERROR', detail ?? '请求失败'];
  return { statusCode: status, code, message };
}

/**
 * The one HTTP error mapper: every error leaves as api.md's `{ statusCode, code, message, details? }`.
 * Unknown errors are 500 and logged with the request id — never a client's fault we hide.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.code !== ERROR_CODES.serviceUnavailable) {
      this.logger.error({ msg: 'request failed', requestId: request.id, url: request.url, err: String((exception as Error)?.stack ?? exception) });
    }
    void reply.status(body.statusCode).header('x-request-id', request.id).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof GatewayError) return exception.body;
    // Rules evaluated in the gateway itself (calendar, users) throw the same errors as services.
    const mapped = toErrorBody(exception);
    if (mapped.statusCode !== 500) return mapped;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response && 'code' in response && 'message' in response) {
        return { statusCode: status, ...(response as Omit<ErrorBody, 'statusCode'>) };
      }
      return bodyForStatus(status);
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return bodyForStatus(status);
    return { statusCode: 500, code: ERROR_CODES.internal, message: '服务内部错误' };
  }
}
