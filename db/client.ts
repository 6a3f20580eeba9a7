import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Results, Row as PgliteRow } from '@electric-sql/pglite';
import type { Assume, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres, { type Row as PostgresRow, type RowList } from 'postgres';
import { DATA_DIR } from './data-dir';
import * as schema from './schema';

/**
 * What a raw `execute` gives back: postgres.js returns the rows as an array, PGlite (the embedded default) an object
 * with `rows`. The query builder is the same for both; only raw SQL sees the difference (read it with executeRows).
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- a drizzle result kind reads `this['row']`
interface EitherDriverResult extends PgQueryResultHKT {
  type: RowList<Assume<this['row'], PostgresRow>[]> | Results<Assume<this['row'], PgliteRow>>;
}

/** Either driver's database: PostgreSQL through postgres.js, or PGlite. */
export type Database = PgDatabase<EitherDriverResult, typeof schema>;
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

/** The rows of a raw SQL statement from either driver. */
export async function executeRows<T extends Record<string, unknown> = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.execute<T>(query);
  // `Assume<T, Row>` is T itself for any row type; the compiler cannot see that through the generic.
  return (Array.isArray(result) ? result : result.rows) as T[];
}

/** The open database. `migrate` applies a migrations folder through the driver's own migrator. */
export type DatabaseHandle = { db: Database; migrate: (migrationsFolder: string) => Promise<void>; close: () => Promise<void> } &
  /** The PostgreSQL URL it was opened with (the job queue connects to the same database). */
  (
    | { kind: 'postgres'; url?: string }
    /** The raw PGlite instance in embedded mode (pg-boss needs it). */
    | { kind: 'pglite'; pglite: PGlite }
  );

// Closing waits this long for queries in flight, then drops the connections (one broken by an outage never ends).
const CLOSE_TIMEOUT_SECONDS = 5;

/** Connections per pool and process (DATABASE_POOL_MAX, default 10); README: the sizing rule. */
function poolSize(): number {
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return Number.isSafeInteger(max) && max > 0 ? max : 10;
}

export const PGLITE_DIR = path.join(DATA_DIR, 'pglite');

/** Opens PostgreSQL when a URL is given, else the embedded PGlite under .data/. Both speak the same SQL. */
export function openDatabase(url = process.env.DATABASE_URL, options: { max?: number; applicationName?: string } = {}): DatabaseHandle {
  if (url) {
    const client = postgres(url, {
      max: options.max ?? poolSize(),
      onnotice: () => {},
      // PgBouncer in transaction mode hands each transaction any server connection: no named prepared statements.
      prepare: process.env.DATABASE_PGBOUNCER !== '1',
      connection: { application_name: options.applicationName ?? process.env.DATABASE_APPLICATION_NAME ?? 'creditor-portal' },
    });
    const db = drizzlePostgres(client, { schema });
    return {
      kind: 'postgres',
      db,
      url,
      migrate: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: CLOSE_TIMEOUT_SECONDS }),
    };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const pglite = new PGlite(PGLITE_DIR, { extensions: { pg_trgm } });
  const db = drizzlePglite(pglite, { schema });
  return {
    kind: 'pglite',
    db,
    pglite,
    migrate: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    close: () => pglite.close(),
  };
}
