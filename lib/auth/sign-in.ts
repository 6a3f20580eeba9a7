import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { secondFactors, sessions, users } from '@/db/schema';
import { recordEvent } from '@/lib/events/record';
import { decryptSecret } from './crypto';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { createSession } from './session';
import { isThrottled, recordAttempt } from './throttle';
import { verifyTotp } from './totp';

type Client = { ipAddress: string; userAgent: string | null };
export type SignInResult = { ok: true; sessionId: string } | { ok: false; reason: 'throttled' | 'invalid' };

/** Step 1: email and password. Unknown email and wrong password look the same, in answer and in time. */
export async function authenticatePassword(db: Database, email: string, password: string, client: Client): Promise<SignInResult> {
  if (await isThrottled(db, 'password', email, client.ipAddress)) return { ok: false, reason: 'throttled' };
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt)));
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  await recordAttempt(db, 'password', email, client.ipAddress, Boolean(user && matches));
  if (!user || !matches) {
    if (user) await recordEvent(db, { userId: user.id, companyId: null }, { type: 'user.sign_in_failed', userId: user.id, data: { step: 'password' } });
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, sessionId: await createSession(db, user, client) };
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'throttled' | 'invalid' | 'noSecondFactor' };

/** Step 2: the TOTP code. Marks the session as fully signed in; a code is accepted once. */
export async function verifySecondFactor(
  db: Database,
  session: { sessionId: string; userId: string; email: string },
  code: string,
  client: Client,
): Promise<VerifyResult> {
  if (await isThrottled(db, 'second_factor', session.email, client.ipAddress)) return { ok: false, reason: 'throttled' };
  const [factor] = await db
    .select({ id: secondFactors.id, secretEncrypted: secondFactors.secretEncrypted, lastUsedStep: secondFactors.lastUsedStep })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, session.userId), eq(secondFactors.method, 'totp')));
  if (!factor?.secretEncrypted) return { ok: false, reason: 'noSecondFactor' };
  const result = await verifyTotp(decryptSecret(factor.secretEncrypted), code, factor.lastUsedStep);
  return db.transaction(async (tx) => {
    // The conditional update makes two simultaneous uses of one code count once.
    const claimed = result.valid
      ? await tx
          .update(secondFactors)
          .set({ lastUsedStep: result.timeStep })
          .where(and(eq(secondFactors.id, factor.id), or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, result.timeStep))))
          .returning({ id: secondFactors.id })
      : [];
    const ok = claimed.length > 0;
    await recordAttempt(tx, 'second_factor', session.email, client.ipAddress, ok);
    const actor = { userId: session.userId, companyId: null };
    if (!ok) {
      await recordEvent(tx, actor, { type: 'user.sign_in_failed', userId: session.userId, data: { step: 'second_factor' } });
      return { ok: false, reason: 'invalid' } as const;
    }
    const now = new Date();
    await tx.update(sessions).set({ secondFactorVerifiedAt: now }).where(eq(sessions.id, session.sessionId));
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, session.userId));
    await recordEvent(tx, actor, { type: 'user.signed_in', userId: session.userId, data: { method: 'totp' } });
    return { ok: true } as const;
  });
}
