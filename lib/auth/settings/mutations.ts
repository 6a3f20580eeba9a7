import 'server-only';
import { and, count, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { passkeys, secondFactors, sessions, users } from '@/db/schema';
import { encryptSecret } from '@/lib/auth/crypto';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { createSmsCode, maySendSmsCode } from '@/lib/auth/sms-codes';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { Locale } from '@/lib/i18n/routing';
import { enqueueSms } from '@/lib/sms/outbox';
import type { Method } from './schemas';

/** Who changes their own security settings: the signed-in user and the session they act from. */
export type SecurityActor = { userId: string; sessionId: string; email: string; locale: Locale; reauthenticatedAt: Date | null };

export const REAUTH_WINDOW_MS = 10 * 60 * 1000;

/** Security changes need the password (or a second factor) entered within the last 10 minutes in this session. */
export function assertRecentlyAuthenticated(actor: SecurityActor, now: Date) {
  if (!actor.reauthenticatedAt || now.getTime() - actor.reauthenticatedAt.getTime() > REAUTH_WINDOW_MS) {
    throw new DomainError('security.errors.reauthRequired');
  }
}

const eventActor = (actor: SecurityActor) => ({ userId: actor.userId, companyId: null });

/** The methods that can satisfy the second step now, read under a lock on the user so two removals serialise. */
export async function lockConfiguredMethods(tx: Tx, userId: string): Promise<Method[]> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  const factors = await tx
    .select({ method: secondFactors.method })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)));
  const [keys] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  const methods = new Set<Method>(factors.map((f) => f.method).filter((m) => m !== 'passkey'));
  if ((keys?.n ?? 0) > 0) methods.add('passkey');
  return (['totp', 'sms', 'passkey'] as const).filter((m) => methods.has(m));
}

/**
 * New password: `session_version` moves on, so every other session dies at its next request, while this session
 * is carried over to the new version and stays signed in. Emails the user; returns the outbox id.
 */
export async function changePassword(tx: Tx, actor: SecurityActor, passwordHash: string, now: Date): Promise<string> {
  const [row] = await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, actor.userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new DomainError('common.errors.notFound');
  await tx.update(sessions).set({ userSessionVersion: row.sessionVersion, reauthenticatedAt: now }).where(eq(sessions.id, actor.sessionId));
  await recordEvent(tx, eventActor(actor), { type: 'user.password_changed', userId: actor.userId, data: {} });
  return enqueueEmail(tx, {
    companyId: null,
    recipient: actor.email,
    locale: actor.locale,
    email: { template: 'password_changed', securityUrl: `${env().PORTAL_URL}/${actor.locale}/settings/security`, at: now },
  });
}

export async function markReauthenticated(tx: Tx, actor: SecurityActor, now: Date) {
  await tx.update(sessions).set({ reauthenticatedAt: now }).where(eq(sessions.id, actor.sessionId));
  await recordEvent(tx, eventActor(actor), { type: 'user.reauthenticated', userId: actor.userId, data: { method: 'password' } });
}

/** Sets or replaces the app secret (already proven by a code from it). */
export async function saveTotpSecret(tx: Tx, actor: SecurityActor, secret: string, lastUsedStep: number, now: Date) {
  const before = await lockConfiguredMethods(tx, actor.userId);
  await tx
    .insert(secondFactors)
    .values({ userId: actor.userId, method: 'totp', secretEncrypted: encryptSecret(secret), lastUsedStep, confirmedAt: now })
    .onConflictDoUpdate({
      target: [secondFactors.userId, secondFactors.method],
      set: { secretEncrypted: encryptSecret(secret), lastUsedStep, confirmedAt: now },
    });
  await recordEvent(tx, eventActor(actor), {
    type: 'user.second_factor_added',
    userId: actor.userId,
    data: { method: 'totp', replaced: before.includes('totp') },
  });
}

/** Texts a setup code to the number to be confirmed; refused when a code was sent too recently. */
export async function sendSetupSms(tx: Tx, actor: SecurityActor, phone: string, text: (code: string) => string, now: Date) {
  if (!(await maySendSmsCode(tx, actor.userId, 'setup', now))) throw new DomainError('security.sms.resendTooSoon');
  const code = await createSmsCode(tx, actor.userId, 'setup', phone, now);
  return enqueueSms(tx, { recipient: phone, locale: actor.locale, template: 'sms_code', text: text(code) });
}

/** The number proved itself with its code: it becomes (or replaces) the SMS method. */
export async function saveSmsPhone(tx: Tx, actor: SecurityActor, phone: string, now: Date) {
  const before = await lockConfiguredMethods(tx, actor.userId);
  await tx
    .insert(secondFactors)
    .values({ userId: actor.userId, method: 'sms', phone, confirmedAt: now })
    .onConflictDoUpdate({ target: [secondFactors.userId, secondFactors.method], set: { phone, confirmedAt: now } });
  await recordEvent(tx, eventActor(actor), {
    type: 'user.second_factor_added',
    userId: actor.userId,
    data: { method: 'sms', replaced: before.includes('sms') },
  });
}

async function keepPreferredValid(tx: Tx, userId: string, remaining: Method[]) {
  const [user] = await tx.select({ preferred: users.preferredSecondFactor }).from(users).where(eq(users.id, userId));
  if (user && !remaining.includes(user.preferred) && remaining[0]) {
    await tx.update(users).set({ preferredSecondFactor: remaining[0] }).where(eq(users.id, userId));
  }
}

/** Removes the app or SMS method; the last configured method cannot go (2FA stays mandatory). */
export async function removeMethod(tx: Tx, actor: SecurityActor, method: 'totp' | 'sms') {
  const methods = await lockConfiguredMethods(tx, actor.userId);
  if (!methods.includes(method)) throw new DomainError('security.errors.notConfigured');
  if (methods.length === 1) throw new DomainError('security.errors.lastMethod');
  await tx.delete(secondFactors).where(and(eq(secondFactors.userId, actor.userId), eq(secondFactors.method, method)));
  await keepPreferredValid(
    tx,
    actor.userId,
    methods.filter((m) => m !== method),
  );
  await recordEvent(tx, eventActor(actor), { type: 'user.second_factor_removed', userId: actor.userId, data: { method } });
}

/** Removes one passkey; refused when it is the user's last way through the second step. */
export async function removePasskey(tx: Tx, actor: SecurityActor, passkeyId: string) {
  const methods = await lockConfiguredMethods(tx, actor.userId);
  const mine = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, actor.userId));
  if (!mine.some((key) => key.id === passkeyId)) throw new DomainError('common.errors.notFound');
  if (mine.length === 1 && methods.length === 1) throw new DomainError('security.errors.lastMethod');
  await tx.delete(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.userId)));
  if (mine.length === 1)
    await keepPreferredValid(
      tx,
      actor.userId,
      methods.filter((m) => m !== 'passkey'),
    );
  await recordEvent(tx, eventActor(actor), { type: 'user.second_factor_removed', userId: actor.userId, data: { method: 'passkey' } });
}

export async function setPreferredMethod(tx: Tx, actor: SecurityActor, method: Method) {
  const methods = await lockConfiguredMethods(tx, actor.userId);
  if (!methods.includes(method)) throw new DomainError('security.errors.notConfigured');
  const [user] = await tx.select({ preferred: users.preferredSecondFactor }).from(users).where(eq(users.id, actor.userId));
  if (user?.preferred === method) return;
  await tx.update(users).set({ preferredSecondFactor: method }).where(eq(users.id, actor.userId));
  await recordEvent(tx, eventActor(actor), {
    type: 'user.preferred_second_factor_changed',
    userId: actor.userId,
    data: { from: user?.preferred ?? '', to: method },
  });
}

export async function regenerateRecoveryCodes(tx: Tx, actor: SecurityActor): Promise<string[]> {
  const codes = await replaceRecoveryCodes(tx, actor.userId);
  await recordEvent(tx, eventActor(actor), { type: 'user.recovery_codes_generated', userId: actor.userId, data: { count: codes.length } });
  return codes;
}

/** "Logg ut andre økter": every live session of the user except this one ends now. */
export async function signOutOtherSessions(tx: Tx, actor: SecurityActor, now: Date) {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await recordEvent(tx, eventActor(actor), { type: 'user.sessions_revoked', userId: actor.userId, data: { count: ended.length } });
  return ended.length;
}

/** Whether security changes are open right now (for the page: show the confirm-password form or not). */
export function isRecentlyAuthenticated(reauthenticatedAt: Date | null, now: Date = new Date()): boolean {
  return reauthenticatedAt !== null && now.getTime() - reauthenticatedAt.getTime() <= REAUTH_WINDOW_MS;
}
