/**
 * Tells "the database cannot be reached right now" apart from a bug (issue 10): while PostgreSQL
 * restarts, fails over or refuses connections the gateway answers UNAVAILABLE (try again shortly),
 * not INTERNAL. The error arrives from pg directly, or wrapped by Prisma's driver adapter, so the
 * whole cause chain is searched.
 */

/** Node socket errors and PostgreSQL's SQLSTATEs for a lost, refused or shutting-down connection. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down)
  '57P01',
  '57P02',
  '57P03',
  // connection_exception and its subclasses
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  // Prisma: can't reach the server, server closed the connection, connection pool timeout
  'P1001',
  'P1002',
  'P1017',
  'P2024',
]);

/** Prisma's driver adapter kinds for the same situations. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection is not open|Client has encountered a connection error|Connection closed|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database server|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.kind === 'string' && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    queue.push(candidate.cause, candidate.originalError);
    // AggregateError (a refused connection to both ::1 and 127.0.0.1).
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return false;
}
