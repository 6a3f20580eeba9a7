import { sql } from 'drizzle-orm';
import { executeRows, type Executor } from '@/db/client';

export const RATE_WINDOW_MS = 60_000;

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request for the key in the current fixed window, in the database: the upsert takes the window row's
 * lock, so parallel requests (on any instance) are counted one after another and at most `limit` pass.
 */
export async function claimRequest(db: Executor, apiKeyId: string, limit: number, now: Date = new Date()): Promise<RateDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS);
  const rows = await executeRows<{ requests: number }>(
    db,
    sql`
    insert into api_rate_windows (api_key_id, window_start, requests) values (${apiKeyId}, ${windowStart.toISOString()}, 1)
    on conflict (api_key_id, window_start) do update set requests = api_rate_windows.requests + 1
    returning requests`,
  );
  const requests = Number(rows[0]?.requests ?? limit + 1);
  if (requests <= limit) return { allowed: true, remaining: limit - requests };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + RATE_WINDOW_MS - now.getTime()) / 1000)) };
}

/** Old windows are worth nothing: the hourly maintenance drops them. */
export async function purgeRateWindows(db: Executor, now: Date = new Date()) {
  await db.execute(sql`delete from api_rate_windows where window_start < ${new Date(now.getTime() - 2 * RATE_WINDOW_MS).toISOString()}`);
}
