/**
 * Database errors must not carry debtor data into the logs: drizzle's "Failed query: … params: Kari Nordmann,
 * 01017012345, …" and PostgreSQL's detail ("Key (national_id)=(01017012345) already exists") would, through Next's
 * own error log and ours. Installed once per server process (instrumentation.ts), every console.error/warn argument
 * that is such an error is logged as its SQLSTATE code, constraint and table instead; text that holds the same
 * parts has them blanked.
 */

type PgLike = {
  code?: unknown;
  constraint_name?: unknown;
  constraint?: unknown;
  table_name?: unknown;
  table?: unknown;
  severity?: unknown;
};

function isQueryError(value: unknown): value is Error & { query: string; params: unknown[] } {
  return value instanceof Error && 'query' in value && 'params' in value;
}

function isPostgresError(value: unknown): value is Error & PgLike {
  return value instanceof Error && typeof (value as PgLike).code === 'string' && ('severity' in value || value.name === 'PostgresError');
}

/** The database error inside `error` (itself or a cause), or null when it is none. */
function databaseErrorIn(error: unknown): { outer: Error; pg: PgLike | null } | null {
  let current: unknown = error;
  let outer: Error | null = null;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (isQueryError(current) || isPostgresError(current)) outer ??= current;
    if (isPostgresError(current)) return { outer: outer ?? current, pg: current };
    current = current.cause;
  }
  return outer ? { outer, pg: null } : null;
}

/** "Database error 23505 (constraint debtors_national_id_key, table debtors)": no values, no query parameters. */
export function safeDatabaseError(error: unknown): Error | null {
  const found = databaseErrorIn(error);
  if (!found) return null;
  const { pg, outer } = found;
  const parts = [
    (pg?.constraint_name ?? pg?.constraint) ? `constraint ${String(pg.constraint_name ?? pg.constraint)}` : null,
    (pg?.table_name ?? pg?.table) ? `table ${String(pg.table_name ?? pg.table)}` : null,
  ].filter(Boolean);
  const safe = new Error(`Database error ${String(pg?.code ?? 'unknown')}${parts.length ? ` (${parts.join(', ')})` : ''}`);
  // Keep where it happened, not what it said.
  const frames = (outer.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
  return safe;
}

/** Blanks query parameters and key values in text that already holds a formatted database error. */
export function redactDatabaseText(text: string): string {
  return text
    .replace(/params: [^\n]*/g, 'params: [redacted]')
    .replace(/(Key \([^)]*\))=\([^\n]*?\)( already exists| is not present| conflicts)/g, '$1=([redacted])$2');
}

export function redactLogArgument(value: unknown): unknown {
  if (typeof value === 'string') return redactDatabaseText(value);
  return safeDatabaseError(value) ?? value;
}

const INSTALLED = Symbol.for('portal.safeLogging');

export function installSafeLogging(target: Console = console): void {
  const marked = target as Console & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  for (const level of ['error', 'warn'] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map(redactLogArgument));
  }
}
