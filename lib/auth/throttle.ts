import 'server-only';
import { and, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { signInAttempts } from '@/db/schema';
import { throttleAddress } from '@/lib/client-address';

export type SignInStep = 'password' | 'second_factor' | 'letter_code';

/**
 * Within the window: 5 failures from one address lock that (account, address) pair; an account's failures from
 * all addresses together only lock it at 20 (a slow-down, so a stranger cannot lock the owner out with five
 * guesses); 30 failures lock an address across accounts. A device that signed this account in before (device.ts)
 * is counted on its own instead: 5 failures lock that device for the account, and nothing else locks it.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_FAILURES_PER_DEVICE = 5;

/** `device`: a known device's id for this account (already checked by the caller), or null. */
export type ThrottleKey = { step: SignInStep; email: string; ipAddress: string; device?: string | null };

/**
 * Claims one attempt atomically, before the slow check (scrypt, TOTP) runs: under advisory locks on the account
 * and the address, it counts the failures (unfinished attempts count as failures) and records this one as failed.
 * Returns the attempt's id, or null when throttled. Parallel requests queue on the lock, so at most the limit
 * ever reach the check. IPv6 addresses count per /64.
 */
export async function claimAttempt(db: Database, key: ThrottleKey, now: Date = new Date()): Promise<string | null> {
  const address = throttleAddress(key.ipAddress);
  const device = key.device ?? null;
  return db.transaction(async (tx) => {
    // Always account first, then address: one order, so two claims never deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`throttle:account:${key.step}:${key.email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`throttle:address:${key.step}:${address}`}))`);
    const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    const failures = (where: SQL | undefined) =>
      tx
        .select({ n: count() })
        .from(signInAttempts)
        .where(and(where, eq(signInAttempts.step, key.step), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)))
        .then(([row]) => row?.n ?? 0);
    const throttled = device
      ? (await failures(and(eq(signInAttempts.email, key.email), eq(signInAttempts.device, device)))) >= MAX_FAILURES_PER_DEVICE
      : (await failures(and(eq(signInAttempts.email, key.email), eq(signInAttempts.ipAddress, address)))) >=
          MAX_FAILURES_PER_ACCOUNT_ADDRESS ||
        (await failures(eq(signInAttempts.email, key.email))) >= MAX_FAILURES_PER_ACCOUNT ||
        (await failures(eq(signInAttempts.ipAddress, address))) >= MAX_FAILURES_PER_IP;
    if (throttled) return null;
    const [row] = await tx
      .insert(signInAttempts)
      .values({ step: key.step, email: key.email, ipAddress: address, device, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return row?.id ?? null;
  });
}

/** The claimed attempt passed its check: it no longer counts as a failure. */
export async function markAttemptSucceeded(db: Database, attemptId: string) {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}
