/** SQLSTATE classes meaning "the database cannot serve now": connection exceptions, shutdown, start-up, no free connection. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]$|53300$)/;
/** Socket errors of the driver when the server is down or restarting. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/**
 * node-postgres raises these without a code when a connection dies under it; TypeORM releases a
 * query runner whose connection emitted an error, and the transaction's next query (its COMMIT
 * too) then reports the release, in one of two wordings (it was never sent, so nothing of that
 * transaction was committed).
 */
const DRIVER_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|connection provided by a query runner was already released|Query runner already released/;

/**
 * Whether an error means the database is (momentarily) unreachable rather than a fault of the
 * request or the code: such a request answers 503 so the caller retries, never 500. Looks
 * through TypeORM's `driverError` and `cause` wrappers.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
