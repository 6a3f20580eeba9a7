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
