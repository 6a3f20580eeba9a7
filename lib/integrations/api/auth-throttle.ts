import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { Tx } from '@/db';
import { apiAuthFailures } from '@/db/schema';

export const AUTH_FAILURE_WINDOW_MS = 10 * 60_000;
/** Unknown keys one address may present per window: a misconfigured client notices long before, a guesser gets nowhere. */
export const AUTH_FAILURES_PER_WINDOW = 20;

const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / AUTH_FAILURE_WINDOW_MS) * AUTH_FAILURE_WINDOW_MS);

/**
 * Serialises the key checks of one address for the rest of the transaction and says whether it may try a key now;
 * when it may not, how many seconds until the window turns. Under the lock, a parallel burst is counted one by one.
 */
export async function lockAddressAndCheck(
  tx: Tx,
  address: string,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`api-auth:${address}`}, 0))`);
  const windowStart = windowOf(now);
  const [row] = await tx
    .select({ failures: apiAuthFailures.failures })
    .from(apiAuthFailures)
    .where(and(eq(apiAuthFailures.address, address), eq(apiAuthFailures.windowStart, windowStart)));
  if ((row?.failures ?? 0) < AUTH_FAILURES_PER_WINDOW) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + AUTH_FAILURE_WINDOW_MS - now.getTime()) / 1000)),
  };
}

/** One more unknown key from the address (inside the same transaction as lockAddressAndCheck). */
export async function countFailure(tx: Tx, address: string, now: Date) {
  await tx
    .insert(apiAuthFailures)
    .values({ address, windowStart: windowOf(now), failures: 1 })
    .onConflictDoUpdate({
      target: [apiAuthFailures.address, apiAuthFailures.windowStart],
      set: { failures: sql`${apiAuthFailures.failures} + 1` },
    });
}

/** Past windows are worth nothing: the hourly maintenance drops them. */
export async function purgeAuthFailures(db: Executor, now: Date = new Date()) {
  await db.delete(apiAuthFailures).where(lt(apiAuthFailures.windowStart, new Date(now.getTime() - 2 * AUTH_FAILURE_WINDOW_MS)));
}
