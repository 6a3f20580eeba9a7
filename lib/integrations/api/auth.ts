import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { apiKeys, companies } from '@/db/schema';
import type { ApiActor } from '@/lib/auth/gate/checks';
import { ApiProblem, unauthorized } from './problem';
import { bearerKey, hashApiKey } from '@/lib/integrations/keys/keys';
import { countFailure, lockAddressAndCheck } from './auth-throttle';
import { claimRequest } from './rate-limit';
import { throttleAddress } from '@/lib/client-address';

/** The API-key principal: the gate's answer for /api/v1 (a key acts for its one company, as AutoCollect). */
export type ApiPrincipal = ApiActor & { keyName: string };

export type ApiAuthOptions = { rateLimit: number; address: string | null; now?: Date };

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The key's row, looked up only while the address has unknown keys left in its window (the check, the look-up and
 * the count under one per-address lock, so a parallel burst gets no more tries); a number: throttled, retry after.
 */
async function findKeyThrottled(db: Database, key: string, address: string, now: Date) {
  return db.transaction(async (tx) => {
    const decision = await lockAddressAndCheck(tx, address, now);
    if (!decision.allowed) return decision.retryAfterSeconds;
    const [row] = await tx
      .select({
        id: apiKeys.id,
        companyId: apiKeys.companyId,
        name: apiKeys.name,
        revokedAt: apiKeys.revokedAt,
        autocollect: companies.autocollectEnabled,
      })
      .from(apiKeys)
      .innerJoin(companies, eq(companies.id, apiKeys.companyId))
      .where(eq(apiKeys.secretHash, hashApiKey(key)));
    // A revoked key was a real one (a client not yet updated), not a guess: only unknown keys count.
    if (!row) await countFailure(tx, address, now);
    return row ?? null;
  });
}

/**
 * Missing, malformed, unknown or revoked key → 401 (all alike); too many unknown keys from the address → 429; a
 * company that is not connected (AutoCollect off) → 403; over the per-key limit → 429 with Retry-After. Records
 * the key's last use (at most once a minute).
 */
export async function authenticateApiKey(db: Database, authorization: string | null, options: ApiAuthOptions): Promise<ApiPrincipal> {
  const key = bearerKey(authorization);
  if (!key) throw unauthorized();
  const now = options.now ?? new Date();
  // Counted as sign-in counts: an IPv6 client per /64 (it can pick any address in it).
  const row = await findKeyThrottled(db, key, throttleAddress(options.address ?? 'unknown'), now);
  if (typeof row === 'number') {
    throw new ApiProblem(
      429,
      'auth-throttled',
      'Too many unknown API keys from this address.',
      `Try again in ${row} seconds.`,
      {},
      { 'Retry-After': String(row) },
    );
  }
  if (!row || row.revokedAt) throw unauthorized();
  if (!row.autocollect) {
    throw new ApiProblem(
      403,
      'not-connected',
      'The company is not connected to AutoCollect.',
      'An Administrator switches AutoCollect on under Settings → Company → Integrations.',
    );
  }
  const decision = await claimRequest(db, row.id, options.rateLimit, now);
  if (!decision.allowed) {
    throw new ApiProblem(
      429,
      'rate-limited',
      'Too many requests for this API key.',
      `Try again in ${decision.retryAfterSeconds} seconds.`,
      {},
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
  }
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now, lastUsedAddress: options.address })
    .where(
      and(
        eq(apiKeys.id, row.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_GRANULARITY_MS))),
      ),
    );
  return { userId: null, apiKeyId: row.id, companyId: row.companyId, role: 'write', keyName: row.name };
}
