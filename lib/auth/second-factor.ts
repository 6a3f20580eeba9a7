import 'server-only';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Database, Tx } from '@/db';
import { secondFactors, users } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { recordEvent } from '@/lib/events/record';
import { env } from '@/lib/env';
import { decryptSecret } from './crypto';
import { consumeRecoveryCode } from './recovery-codes';
import { rotateToVerified } from './session';
import { checkSmsCode } from './sms-codes';
import { claimAttempt, markAttemptSucceeded } from './throttle';
import { verifyTotp } from './totp';
import type { Client } from '@/lib/client-address';

export type SecondFactorInput = { method: 'totp' | 'sms' | 'recovery'; code: string };
export type SignInMethod = SecondFactorInput['method'] | 'passkey';
export type VerifyResult =
  | { ok: true; sessionId: string; outboxIds: string[] }
  | { ok: false; reason: 'throttled' | 'invalid' | 'noSecondFactor' | 'expired' | 'tooManyTries' };

type PendingSession = { sessionId: string; userId: string; email: string };

async function checkTotp(db: Database, userId: string, code: string) {
  const [factor] = await db
    .select({ id: secondFactors.id, secretEncrypted: secondFactors.secretEncrypted, lastUsedStep: secondFactors.lastUsedStep })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), eq(secondFactors.method, 'totp'), isNotNull(secondFactors.confirmedAt)));
  if (!factor?.secretEncrypted) return 'noSecondFactor' as const;
  const result = await verifyTotp(decryptSecret(factor.secretEncrypted), code, factor.lastUsedStep);
  if (!result.valid) return 'invalid' as const;
  // The conditional update makes two simultaneous uses of one code count once.
  const claimed = await db
    .update(secondFactors)
    .set({ lastUsedStep: result.timeStep })
    .where(and(eq(secondFactors.id, factor.id), or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, result.timeStep))))
    .returning({ id: secondFactors.id });
  return claimed.length > 0 ? ('ok' as const) : ('invalid' as const);
}

/**
 * The second step succeeded by `method`: rotate to a new session id, stamp the sign-in and record it. Recovery
 * codes are consumed here, in the same transaction, and their use is emailed. Returns null if the pending
 * session is gone (or, for a recovery code, the code was already used).
 */
export async function completeSignIn(
  tx: Tx,
  session: PendingSession,
  method: SignInMethod,
  client: Client,
  now: Date,
  recoveryCode?: string,
): Promise<{ sessionId: string; outboxIds: string[] } | null> {
  const actor = { userId: session.userId, companyId: null };
  const outboxIds: string[] = [];
  if (method === 'recovery') {
    if (!recoveryCode || !(await consumeRecoveryCode(tx, session.userId, recoveryCode, now))) return null;
    const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, session.userId));
    if (user) {
      await recordEvent(tx, actor, { type: 'user.recovery_code_used', userId: session.userId, data: {} });
      outboxIds.push(
        await enqueueEmail(tx, {
          companyId: null,
          recipient: user.email,
          locale: user.locale,
          email: { template: 'recovery_code_used', securityUrl: `${env().PORTAL_URL}/${user.locale}/settings/security`, at: now },
        }),
      );
    }
  }
  const sessionId = await rotateToVerified(tx, session.sessionId, client, now);
  if (!sessionId) return null;
  await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, session.userId));
  await recordEvent(tx, actor, { type: 'user.signed_in', userId: session.userId, data: { method } });
  return { sessionId, outboxIds };
}

async function refuse(db: Database, session: PendingSession, reason: 'invalid' | 'expired' | 'tooManyTries' | 'noSecondFactor'): Promise<VerifyResult> {
  await recordEvent(db, { userId: session.userId, companyId: null }, { type: 'user.sign_in_failed', userId: session.userId, data: { step: 'second_factor' } });
  return { ok: false, reason };
}

/** Step 2 by a code (app, SMS or recovery code), behind the same atomic throttle as the password. */
export async function verifySecondFactor(
  db: Database,
  session: PendingSession,
  input: SecondFactorInput | string,
  client: Client,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const { method, code } = typeof input === 'string' ? { method: 'totp' as const, code: input } : input;
  const attemptId = await claimAttempt(db, { step: 'second_factor', email: session.email, ipAddress: client.ipAddress }, now);
  if (!attemptId) return { ok: false, reason: 'throttled' };
  if (method === 'totp') {
    const checked = await checkTotp(db, session.userId, code);
    if (checked !== 'ok') return refuse(db, session, checked);
  } else if (method === 'sms') {
    const checked = await checkSmsCode(db, session.userId, 'sign_in', code, now);
    if (checked.result !== 'ok') return refuse(db, session, checked.result);
  }
  const done = await db.transaction((tx) => completeSignIn(tx, session, method, client, now, method === 'recovery' ? code : undefined));
  if (!done) return refuse(db, session, 'invalid');
  await markAttemptSucceeded(db, attemptId);
  return { ok: true, ...done };
}
