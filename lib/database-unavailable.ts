/**
 * Whether an error means the database cannot be reached (stopped, restarting, network cut), as opposed to a query
 * the database refused. Pages answer 503 with Retry-After for these, actions a translated error, the API a 503
 * problem; postgres.js reconnects on the next query, so nothing needs a restart once PostgreSQL is back.
 */

// postgres.js's own codes, Node's socket errors, and SQLSTATE class 08 (connection exception) plus 57P01–57P03
// (admin shutdown, crash shutdown, cannot connect now: PostgreSQL stopping or starting).
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);

/** Seconds a client is told to wait (Retry-After) while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

function isConnectionCode(code: unknown): boolean {
  return typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
    if (isConnectionCode((current as { code?: unknown }).code)) return true;
    // Node's AggregateError (a host with IPv4 and IPv6 addresses refused both): any refused attempt counts.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isConnectionCode((inner as { code?: unknown } | null)?.code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
