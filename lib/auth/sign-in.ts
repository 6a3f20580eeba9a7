import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/events/record';
import type { Locale } from '@/lib/i18n/routing';
import { knownDevice } from './device';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession } from './session';
import { claimAttempt, markAttemptSucceeded } from './throttle';
import type { Client } from '@/lib/client-address';

export type { Client } from '@/lib/client-address';
export type SignInResult = { ok: true; sessionId: string; userId: string; locale: Locale } | { ok: false; reason: 'throttled' | 'invalid' };

/**
 * Checks a user's password behind the throttle (shared by the sign-in and "Endre passord"): the attempt is
 * claimed before scrypt runs, so a burst cannot pass the limit. Unknown email and wrong password cost the same.
 */
export async function checkPasswordThrottled(db: Database, email: string, password: string, client: Client) {
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion, locale: users.locale })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt)));
  // A browser this account signed in from before is counted on its own (throttle.ts), not with the attacker's.
  const device = user ? knownDevice(client.deviceToken, user.id) : null;
  const attemptId = await claimAttempt(db, { step: 'password', email, ipAddress: client.ipAddress, device });
  if (!attemptId) return { ok: false as const, reason: 'throttled' as const };
  const matches = await verifyPassword(password, user?.passwordHash ?? dummyPasswordHash());
  if (!user || !matches) {
    if (user)
      await recordEvent(
        db,
        { userId: user.id, companyId: null },
        { type: 'user.sign_in_failed', userId: user.id, data: { step: 'password' } },
      );
    return { ok: false as const, reason: 'invalid' as const };
  }
  await markAttemptSucceeded(db, attemptId);
  if (needsRehash(user.passwordHash)) {
    // Older scrypt parameters: upgraded now that we hold the password. Conditional, so a password change wins.
    const upgraded = await hashPassword(password);
    await db
      .update(users)
      .set({ passwordHash: upgraded })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
  }
  return { ok: true as const, user };
}

/** Step 1: email and password; creates a session (10 minutes) that still needs the second factor. */
export async function authenticatePassword(db: Database, email: string, password: string, client: Client): Promise<SignInResult> {
  const checked = await checkPasswordThrottled(db, email, password, client);
  if (!checked.ok) return checked;
  const sessionId = await createSession(db, checked.user, client);
  return { ok: true, sessionId, userId: checked.user.id, locale: checked.user.locale };
}

export { verifySecondFactor } from './second-factor';
