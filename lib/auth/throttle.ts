import 'server-only';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Executor } from '@/db';
import { signInAttempts } from '@/db/schema';

export type SignInStep = 'password' | 'second_factor';

// Within the window: 5 failures lock an account's step, 30 failures lock an IP address.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

/** True when the account or the address has failed too often recently; checked before any password work. */
export async function isThrottled(db: Executor, step: SignInStep, email: string, ipAddress: string) {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const failures = (where: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(where, eq(signInAttempts.step, step), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)))
      .then(([row]) => row?.n ?? 0);
  const [byAccount, byIp] = await Promise.all([
    failures(eq(signInAttempts.email, email)),
    failures(eq(signInAttempts.ipAddress, ipAddress)),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordAttempt(db: Executor, step: SignInStep, email: string, ipAddress: string, succeeded: boolean) {
  await db.insert(signInAttempts).values({ step, email, ipAddress, succeeded });
}
