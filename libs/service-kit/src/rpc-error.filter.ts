import { Catch, Logger, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { ERROR_CODES, type ErrorBody } from '#libs/contracts';
import { ClockError } from '#libs/clock';
import { DomainError } from '#libs/domain';
import { isDatabaseUnavailable } from './database-unavailable.js';

const STATUS_OF_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  illegal_transition: 409,
  conflict: 409,
};

/** Turns any error thrown by a command handler into the wire `ErrorBody`. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return {
      statusCode: STATUS_OF_KIND[error.kind],
      code: error.code,
      message: error.message,
      ...(error.details.length > 0 ? { details: error.details } : {}),
    };
  }
  // Bad dates or periods reaching the clock are the caller's input, never a server fault.
  if (error instanceof ClockError) {
    return { statusCode: 400, code: error.code, message: error.message, ...(error.details.length > 0 ? { details: error.details } : {}) };
  }
  // A database restart or outage is temporary: the caller may retry, so 503, never 500.
  if (isDatabaseUnavailable(error)) return { statusCode: 503, code: ERROR_CODES.serviceUnavailable, message: '数据库暂不可用，请稍后再试' };
  return { statusCode: 500, code: ERROR_CODES.internal, message: '服务内部错误' };
}

@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      const data = host.switchToRpc().getData() as { requestId?: string } | undefined;
      this.logger.error({ msg: 'command failed', requestId: data?.requestId, err: String((exception as Error)?.stack ?? exception) });
    }
    return throwError(() => body);
  }
}
