import 'server-only';
import { openDatabase, type Database, type DatabaseHandle } from './client';

// One client per process, opened on first use (not at build time): dev reloads and PGlite
// (one connection per directory) both need a single shared handle.
const globalForDb = globalThis as unknown as { portalDatabase?: DatabaseHandle };

export function databaseHandle(): DatabaseHandle {
  return (globalForDb.portalDatabase ??= openDatabase());
}

export const db = new Proxy({} as Database, {
  get(_target, property) {
    const real = databaseHandle().db;
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === 'function' ? value.bind(real) : value;
  },
});

export type { Database, Executor, Tx } from './client';
