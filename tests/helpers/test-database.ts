import postgres from 'postgres';

/** The server tests create their databases on: TEST_DATABASE_URL, DATABASE_URL, or a local PostgreSQL. */
export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function isPostgresReachable(): Promise<boolean> {
  const sql = postgres(serverUrl(), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

/** Runs admin SQL (CREATE/DROP DATABASE) on the server's maintenance database. */
export async function adminSql<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

export async function createDatabaseFromTemplate(name: string, template: string) {
  // Parallel copies of one template can collide on its lock for a moment; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminSql((sql) => sql.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50));
    }
  }
}

export async function dropDatabase(name: string) {
  await adminSql((sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops the test databases that killed runs left behind: each name carries the pid of the process that made it
 * (portal_test_<pid>_…, portal_test_template_<pid>, portal_e2e_<pid>, portal_prod_<pid>); a live pid is another
 * run going on at the same time, and is left alone.
 */
export async function sweepOrphanDatabases(): Promise<string[]> {
  const rows = await adminSql(
    (sql) => sql<{ datname: string }[]>`select datname from pg_database where datname ~ '^portal_(test|test_template|e2e|prod)_[0-9]+'`,
  );
  const orphans = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(/^portal_(?:test_template|test|e2e|prod)_(\d+)/.exec(name)?.[1]);
      return Number.isSafeInteger(pid) && pid > 0 && !isProcessAlive(pid);
    });
  for (const name of orphans) await dropDatabase(name);
  return orphans;
}
