import 'server-only';
import { and, eq, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Executor, Tx } from '@/db';
import { secondFactors, users } from '@/db/schema';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { enqueueEmail } from '@/lib/email/outbox';
import { recordEvent } from '@/lib/events/record';
import { env } from '@/lib/env';
import { decryptSecret } from './crypto';
import { knownDevice } from './device';
import { consumeRecoveryCode } from './recovery-codes';
import { claimSessionTry, revokeSession, rotateToVerified } from './session';
import { checkSmsCode } from './sms-codes';
import { claimAttempt, markAttemptSucceeded } from './throttle';
import { verifyTotp } from './totp';
import type { Client } from '@/lib/client-address';

export type SecondFactorInput = { method: 'totp' | 'sms' | 'recovery'; code: string };
export type SignInMethod = SecondFactorInput['method'] | 'passkey';
export type RefusalReason = 'invalid' | 'expired' | 'tooManyTries' | 'noSecondFactor' | 'signInAgain' | 'recoveryRequired';
export type VerifyResult = { ok: true; sessionId: string; outboxIds: string[] } | { ok: false; reason: 'throttled' | RefusalReason };

type PendingSession = { sessionId: string; userId: string; email: string };

/**
 * Escalation of second-factor guessing (with the password known): a pending session allows a few tries, then
 * the password is needed again; the owner is emailed when failures since the last sign-in reach a few, and at
 * the cap only a recovery code is accepted until a sign-in succeeds.
 */
export const PENDING_SESSION_MAX_TRIES = 5;
export const FAILURES_BEFORE_WARNING = 3;
export const FAILURES_BEFORE_RECOVERY_ONLY = 10;

/** Whether the next second step of this user must be a recovery code. */
export async function recoveryCodeRequired(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), gte(users.secondFactorFailures, FAILURES_BEFORE_RECOVERY_ONLY)));
  return Boolean(row);
}

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
 * The second step succeeded by `method`: rotate to a new session id, stamp the sign-in, reset the failure count
 * and record it. Recovery codes are consumed here, in the same transaction, and their use is emailed. Returns
 * null if the pending session is gone (or, for a recovery code, the code was already used).
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
  await tx.update(users).set({ lastSignInAt: now, secondFactorFailures: 0 }).where(eq(users.id, session.userId));
  await recordEvent(tx, actor, { type: 'user.signed_in', userId: session.userId, data: { method } });
  return { sessionId, outboxIds };
}

/** A try that got past the claims: its throttle attempt, the session's tries and the user's failures, each including it. */
export type SecondFactorTry = { attemptId: string; tries: number; failures: number };

/**
 * Claims one second-factor try, before any check runs: the throttle (per account and address, or per known
 * device), the pending session's tries, and — except for a recovery code — the cap since the last sign-in.
 */
export async function beginSecondFactorTry(
  db: Database,
  session: PendingSession,
  method: SignInMethod,
  client: Client,
  now: Date,
): Promise<{ ok: true; attempt: SecondFactorTry } | { ok: false; reason: 'throttled' | 'signInAgain' | 'recoveryRequired' }> {
  const device = knownDevice(client.deviceToken, session.userId);
  const attemptId = await claimAttempt(db, { step: 'second_factor', email: session.email, ipAddress: client.ipAddress, device }, now);
  if (!attemptId) return { ok: false, reason: 'throttled' };
  const tries = await claimSessionTry(db, session.sessionId, PENDING_SESSION_MAX_TRIES, now);
  if (tries === null) {
    await revokeSession(db, session.sessionId);
    return { ok: false, reason: 'signInAgain' };
  }
  const capped = method === 'recovery' ? undefined : lt(users.secondFactorFailures, FAILURES_BEFORE_RECOVERY_ONLY);
  const [counted] = await db
    .update(users)
    .set({ secondFactorFailures: sql`${users.secondFactorFailures} + 1` })
    .where(and(eq(users.id, session.userId), capped))
    .returning({ failures: users.secondFactorFailures });
  if (!counted) return { ok: false, reason: 'recoveryRequired' };
  return { ok: true, attempt: { attemptId, tries, failures: counted.failures } };
}

/**
 * A claimed try failed: recorded; the owner is emailed when the failures since the last sign-in reach the
 * warning and again at the cap; the pending session ends when its tries are used up.
 */
export async function failSecondFactorTry(
  db: Database,
  session: PendingSession,
  attempt: SecondFactorTry,
  reason: RefusalReason,
  now: Date,
): Promise<VerifyResult> {
  const outboxIds = await db.transaction(async (tx) => {
    await recordEvent(
      tx,
      { userId: session.userId, companyId: null },
      { type: 'user.sign_in_failed', userId: session.userId, data: { step: 'second_factor' } },
    );
    if (attempt.failures !== FAILURES_BEFORE_WARNING && attempt.failures !== FAILURES_BEFORE_RECOVERY_ONLY) return [];
    const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, session.userId));
    if (!user) return [];
    const securityUrl = `${env().PORTAL_URL}/${user.locale}/settings/security`;
    const recoveryOnly = attempt.failures >= FAILURES_BEFORE_RECOVERY_ONLY;
    return [
      await enqueueEmail(tx, {
        companyId: null,
        recipient: user.email,
        locale: user.locale,
        email: { template: 'second_factor_failures', securityUrl, at: now, recoveryOnly },
      }),
    ];
  });
  await dispatchOutbox(outboxIds);
  if (attempt.tries >= PENDING_SESSION_MAX_TRIES) {
    await revokeSession(db, session.sessionId);
    return { ok: false, reason: 'signInAgain' };
  }
  return { ok: false, reason };
}

/** Step 2 by a code (app, SMS or recovery code), behind the throttle and the escalation above. */
export async function verifySecondFactor(
  db: Database,
  session: PendingSession,
  input: SecondFactorInput | string,
  client: Client,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const { method, code } = typeof input === 'string' ? { method: 'totp' as const, code: input } : input;
  const begun = await beginSecondFactorTry(db, session, method, client, now);
  if (!begun.ok) return begun;
  const { attempt } = begun;
  if (method === 'totp') {
    const checked = await checkTotp(db, session.userId, code);
    if (checked !== 'ok') return failSecondFactorTry(db, session, attempt, checked, now);
  } else if (method === 'sms') {
    const checked = await checkSmsCode(db, session.userId, 'sign_in', code, now);
    if (checked.result !== 'ok') return failSecondFactorTry(db, session, attempt, checked.result, now);
  }
  const done = await db.transaction((tx) => completeSignIn(tx, session, method, client, now, method === 'recovery' ? code : undefined));
  if (!done) return failSecondFactorTry(db, session, attempt, 'invalid', now);
  await markAttemptSucceeded(db, attempt.attemptId);
  return { ok: true, ...done };
}
