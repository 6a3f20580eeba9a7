import { sql } from 'drizzle-orm';
import { executeRows, type Executor } from '@/db/client';
import journal from '@/db/migrations/meta/_journal.json';
import { isDraining } from '@/lib/http/draining';

export type Readiness = { ready: true } | { ready: false; reason: 'draining' | 'database' | 'migrations' };

/** The newest migration this build knows (drizzle records each applied one by its journal timestamp). */
const NEWEST_MIGRATION = Math.max(...journal.entries.map((entry) => entry.when));

/**
 * Whether this instance should get traffic: not shutting down, the database answers, and its migrations are at
 * least as new as this build's (an older build after `db:migrate` of a newer one is still ready).
 */
export async function checkReadiness(db: Executor): Promise<Readiness> {
  if (isDraining()) return { ready: false, reason: 'draining' };
  let rows: { newest: string | number | null }[];
  try {
    rows = await executeRows(db, sql`select max(created_at) as newest from drizzle.__drizzle_migrations`);
  } catch {
    return { ready: false, reason: 'database' };
  }
  return Number(rows[0]?.newest ?? 0) >= NEWEST_MIGRATION ? { ready: true } : { ready: false, reason: 'migrations' };
}
