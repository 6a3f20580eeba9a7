import { sql, type SQL } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { executeRows, openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedBulk } from '@/lib/demo/bulk';
import { seedDemo } from '@/lib/demo/seed';
import { quantile } from './load';

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(server: string, run: (client: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(server, { max: 1, onnotice: () => {} });
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The benchmark's own database `name` on `server`: created, migrated, seeded with the demo plus `cases` bulk cases
 * (lib/demo/bulk.ts, ~5 events each) and vacuumed. With `reuse`, an existing one with enough cases is kept as is.
 */
export async function prepareBenchDatabase(server: string, name: string, cases: number, reuse: boolean, log: (line: string) => void) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const url = databaseUrl(server, name);
  const exists = await admin(server, async (client) => (await client`select 1 from pg_database where datname = ${name}`).length > 0);
  if (reuse && exists) {
    const handle = openDatabase(url, { max: 4 });
    const [row] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases`).catch(() => [{ n: 0 }]);
    if ((row?.n ?? 0) >= cases) {
      log(`Reusing database ${name} (${row?.n} cases).`);
      return { url, handle };
    }
    await handle.close();
  }
  await admin(server, async (client) => {
    await client.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.unsafe(`CREATE DATABASE "${name}"`);
  });
  const handle: DatabaseHandle = openDatabase(url, { max: 4 });
  let started = performance.now();
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  log(`Database ${name}: migrated and demo seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  started = performance.now();
  await seedBulk(handle.db, { cases });
  log(`Bulk seed: ${cases.toLocaleString('en')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  started = performance.now();
  await handle.db.execute(sql`vacuum analyze`);
  log(`VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { url, handle };
}

export type SqlTiming = { p50: number; p95: number; explainMs: number };

/** The statement run `runs` times in a row on one connection, plus EXPLAIN ANALYZE's own execution time. */
export async function timeSql(db: Database, query: SQL, runs: number): Promise<SqlTiming> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await db.execute(query);
    times.push(performance.now() - started);
  }
  const [plan] = await executeRows<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(db, sql`explain (analyze, format json) ${query}`);
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), explainMs: plan?.['QUERY PLAN'][0]['Execution Time'] ?? Number.NaN };
}
