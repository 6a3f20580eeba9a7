import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '@/db/client';

/** A whole number of seconds from the environment (checked by lib/env.ts), or the default. */
function seconds(name: 'JOBS_EXPIRE_SECONDS' | 'JOBS_MAINTENANCE_SECONDS', fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/**
 * pg-boss on the app's own database: PostgreSQL by URL, or the embedded PGlite through `executeSql`.
 * DATABASE_JOBS_URL: pg-boss needs a direct or session-mode connection (not PgBouncer's transaction mode).
 * A job whose worker died (SIGKILL, power loss) stays active until it expires (JOBS_EXPIRE_SECONDS, checked every
 * JOBS_MAINTENANCE_SECONDS); then another worker retries it, and the job's own transaction makes the retry safe.
 */
export function createQueue(handle: DatabaseHandle, options: { sendOnly?: boolean; url?: string } = {}): PgBoss {
  // Then the handle's own URL: tests and programs open the queue on the database they opened.
  const url =
    options.url ?? process.env.DATABASE_JOBS_URL ?? (handle.kind === 'postgres' ? handle.url : undefined) ?? process.env.DATABASE_URL;
  const timing = {
    expireInSeconds: seconds('JOBS_EXPIRE_SECONDS', 900),
    maintenanceIntervalSeconds: seconds('JOBS_MAINTENANCE_SECONDS', 120),
    // A web-only instance queues jobs but neither runs schedules nor maintains the queue.
    ...(options.sendOnly ? { supervise: false, schedule: false } : {}),
  };
  if (handle.kind === 'postgres') {
    const applicationName = `${process.env.DATABASE_APPLICATION_NAME ?? 'creditor-portal'}-jobs`;
    return new PgBoss({ connectionString: url, schema: 'pgboss', max: 3, application_name: applicationName, ...timing });
  }
  const pglite = handle.pglite;
  return new PgBoss({
    schema: 'pgboss',
    ...timing,
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
