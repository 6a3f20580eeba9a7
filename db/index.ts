import 'server-only';
import { openDatabase, type Database, type DatabaseHandle } from './client';

// One client per process, opened on first use (not at build time): dev reloads and PGlite
// (one connection per directory) both need a single shared handle.
const globalForDb = globalThis as unknown as { portalDatabase?: DatabaseHandle; portalReadDatabase?: DatabaseHandle };

export function databaseHandle(): DatabaseHandle {
  return (globalForDb.portalDatabase ??= openDatabase());
}

/**
 * The read replica (DATABASE_READ_URL) when one is configured, else the primary. Only for reads that tolerate a
 * second of lag (exports, Innsikt's history, Rapporter's lists, the API's case list); a page read right after a
 * write uses `db`, which is always the primary.
 */
export function readDatabaseHandle(): DatabaseHandle {
  const url = process.env.DATABASE_READ_URL;
  if (!url || !process.env.DATABASE_URL) return databaseHandle();
  return (globalForDb.portalReadDatabase ??= openDatabase(url, {
    applicationName: `${process.env.DATABASE_APPLICATION_NAME ?? 'creditor-portal'}-read`,
  }));
}

function lazy(handle: () => DatabaseHandle): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      const real = handle().db;
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}

export const db = lazy(databaseHandle);
/** Reads that tolerate a second of replication lag; see readDatabaseHandle. */
export const readDb = lazy(readDatabaseHandle);

export type { Database, Executor, Tx } from './client';
