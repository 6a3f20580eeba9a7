import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { DATA_DIR } from './data-dir';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

/**
 * The rows of a raw SQL statement from either driver. `db.execute` is typed as postgres.js's (an array of rows), but
 * on PGlite, the embedded default, it returns `{ rows }`: the one place that knows both shapes.
 */
export async function executeRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** The PostgreSQL URL it was opened with (the job queue connects to the same database). */
  url?: string;
  /** The raw PGlite instance in embedded mode (pg-boss needs it). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

// Closing waits this long for queries in flight, then drops the connections (one broken by an outage never ends).
const CLOSE_TIMEOUT_SECONDS = 5;

/** Connections per pool and process (DATABASE_POOL_MAX, default 10); README: the sizing rule. */
function poolSize(): number {
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return Number.isSafeInteger(max) && max > 0 ? max : 10;
}

export const PGLITE_DIR = path.join(DATA_DIR, 'pglite');

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite under .data/.
 * Both speak the same SQL; the PGlite handle is typed as the postgres.js one because the query builder is shared.
 */
export function openDatabase(url = process.env.DATABASE_URL, options: { max?: number; applicationName?: string } = {}): DatabaseHandle {
  if (url) {
    const client = postgres(url, {
      max: options.max ?? poolSize(),
      onnotice: () => {},
      // PgBouncer in transaction mode hands each transaction any server connection: no named prepared statements.
      prepare: process.env.DATABASE_PGBOUNCER !== '1',
      connection: { application_name: options.applicationName ?? process.env.DATABASE_APPLICATION_NAME ?? 'creditor-portal' },
    });
    return { db: drizzlePostgres(client, { schema }), kind: 'postgres', url, close: () => client.end({ timeout: CLOSE_TIMEOUT_SECONDS }) };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const pglite = new PGlite(PGLITE_DIR, { extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return { db, kind: 'pglite', pglite, close: () => pglite.close() };
}
