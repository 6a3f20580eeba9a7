import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';

/** pg-boss on the app's own database: PostgreSQL by URL, or the embedded PGlite through `executeSql`. */
export function createQueue(handle: DatabaseHandle, url = handle.url ?? process.env.DATABASE_URL): PgBoss {
  const pglite = handle.pglite;
  if (!pglite) return new PgBoss({ connectionString: url, schema: 'pgboss', max: 3 });
  return new PgBoss({
    schema: 'pgboss',
    db: {
      // pg-boss sends multi-statement scripts without parameters; PGlite runs those only through exec().
      async executeSql(text: string, values: unknown[]) {
        if (values && values.length) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
    },
  });
}
