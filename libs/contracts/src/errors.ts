/** Stable error codes of the HTTP contract (api.md). */
export const ERROR_CODES = {
  validation: 'VALIDATION_FAILED',
  invalidUscc: 'INVALID_USCC',
  illegalTransition: 'ILLEGAL_TRANSITION',
  notFound: 'NOT_FOUND',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  serviceUnavailable: 'SERVICE_UNAVAILABLE',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  internal: 'INTERNAL_ERROR',
} as const;
