import type { ErrorBody } from '#libs/contracts';

/** An error already in the wire shape of api.md; the HTTP filter sends it as is. */
export class GatewayError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
  }

  static of(statusCode: number, code: string, message: string, details?: ErrorBody['details']): GatewayError {
    return new GatewayError({ statusCode, code, message, ...(details ? { details } : {}) });
  }
}
