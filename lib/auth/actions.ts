'use server';

import { eq } from 'drizzle-orm';
import { getLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/events/record';
import { isProductionDeployment } from '@/lib/http/security-headers';
import { failed, invalid, succeeded, type FormState } from '@/lib/form-state';
import { signIn, signOut } from './auth';
import { getClientInfo } from './client-info';
import { getCurrentSession } from './current-user';
import { isStaffUser, requireSignedIn } from './gate';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { setLocaleSchema, signInSchema, verifyCodeSchema, verifyRecoveryCodeSchema } from './schemas';
import { authenticatePassword, verifySecondFactor } from './sign-in';
import { revokeSession, sessionHandoff } from './session';
import { sendSmsIfFirstMethod, sendSignInSms } from './sign-in-sms';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, deviceToken } from './device';
import { passkeySignInOptions, verifyPasskeySignIn } from '@/lib/auth/passkeys/sign-in';
import { ceremonyResponse } from '@/lib/auth/passkeys/webauthn';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';

const LOCALE_COOKIE = 'NEXT_LOCALE';
const LOCALE_COOKIE_OPTIONS = { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: isProductionDeployment() } as const;

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await authenticatePassword(db, parsed.data.email, parsed.data.password, await getClientInfo());
  if (!result.ok) return failed(result.reason === 'throttled' ? 'auth.errors.throttled' : 'auth.errors.invalidCredentials', formData);
  // Signing in again replaces the session this browser had: the old row must not stay alive.
  const previous = await getCurrentSession();
  if (previous) await revokeSession(db, previous.sessionId);
  await signIn('credentials', { sessionId: result.sessionId, handoff: sessionHandoff(result.sessionId), redirect: false });
  // The second step opens with SMS when that is the first method: the code goes now, on this POST (never on the
  // page's GET, which a prefetch could repeat), within the resend limit; the page says whether one is on its way.
  await sendSmsIfFirstMethod(db, result, new Date());
  redirect(`/${await getLocale()}/login/verify`);
}

const CODE_METHODS = ['totp', 'sms', 'recovery'] as const;
type CodeMethod = (typeof CODE_METHODS)[number];

function codeMethod(value: FormDataEntryValue | null): CodeMethod {
  return CODE_METHODS.find((method) => method === value) ?? 'totp';
}

/** The second step by a code (app, SMS or recovery code); on success a new session id replaces the pending one. */
export async function verifySecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const live = await getCurrentSession();
  const locale = await getLocale();
  if (!live) redirect(`/${locale}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const method = codeMethod(formData.get('method'));
  const parsed = (method === 'recovery' ? verifyRecoveryCodeSchema : verifyCodeSchema).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const client = await getClientInfo();
  const result = await verifySecondFactor(db, live, { method, code: parsed.data.code }, client);
  if (!result.ok) {
    const key = result.reason === 'invalid' ? (method === 'recovery' ? 'invalidRecoveryCode' : 'invalidCode') : result.reason;
    return failed(`auth.errors.${key}`, formData);
  }
  await dispatchOutbox(result.outboxIds);
  await finishSignIn(result.sessionId, live, client.deviceToken);
  redirect(`/${live.locale}/${(await isStaffUser(live.userId)) ? 'desk' : 'cases'}`);
}

/** Puts the rotated session id in the Auth.js cookie, remembers the user's language and this browser as known. */
async function finishSignIn(sessionId: string, live: { locale: string; userId: string }, currentDevice: string | null) {
  await signIn('credentials', { sessionId, handoff: sessionHandoff(sessionId), redirect: false });
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, live.locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  jar.set(DEVICE_COOKIE, deviceToken(live.userId, currentDevice), {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: isProductionDeployment(),
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

const PASSKEY_REFUSALS = { throttled: 'throttled', signInAgain: 'signInAgain', recoveryRequired: 'recoveryRequired' } as const;

/** Passkey on the second step, part 1: the options and a server-side challenge (called from the page's script). */
export async function passkeySignInOptionsAction() {
  const live = await getCurrentSession();
  if (!live || live.secondFactorVerifiedAt) return null;
  return passkeySignInOptions(db, live, new Date());
}

const passkeySignInSchema = z.object({ challengeId: z.uuid('validation.invalid'), response: ceremonyResponse });

/** Passkey on the second step, part 2: verify, rotate the session, and go on to the portal. */
export async function passkeySignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const live = await getCurrentSession();
  if (!live) redirect(`/${await getLocale()}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const parsed = passkeySignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed('auth.errors.passkeyFailed', formData);
  const response = parsed.data.response as unknown as AuthenticationResponseJSON;
  const client = await getClientInfo();
  const result = await verifyPasskeySignIn(db, live, parsed.data.challengeId, response, client);
  if (!result.ok) {
    const key = result.reason in PASSKEY_REFUSALS ? PASSKEY_REFUSALS[result.reason as keyof typeof PASSKEY_REFUSALS] : 'passkeyFailed';
    return failed(`auth.errors.${key}`, formData);
  }
  await finishSignIn(result.sessionId, live, client.deviceToken);
  redirect(`/${live.locale}/${(await isStaffUser(live.userId)) ? 'desk' : 'cases'}`);
}

/** "Send SMS-kode" on the second step: texts a sign-in code to the user's confirmed number (rate-limited). */
export async function sendSignInSmsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const live = await getCurrentSession();
  if (!live) redirect(`/${await getLocale()}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const sent = await sendSignInSms(db, live, new Date());
  if (!sent.ok) return failed(`auth.errors.${sent.reason}`, formData);
  return succeeded('auth.smsSent');
}

export async function signOutAction(): Promise<void> {
  const live = await getCurrentSession();
  const locale = live?.locale ?? (await getLocale());
  if (live) {
    await db.transaction(async (tx) => {
      await revokeSession(tx, live.sessionId);
      await recordEvent(tx, { userId: live.userId, companyId: null }, { type: 'user.signed_out', userId: live.userId, data: {} });
    });
  }
  await signOut({ redirect: false });
  redirect(`/${locale}/login?signedOut=1`);
}

/** "Norsk / English" in the user menu: stores the choice on the user and reopens the same page in it. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const user = await requireSignedIn();
  const parsed = setLocaleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(`/${user.locale}/cases`);
  const { locale, returnTo } = parsed.data;
  if (locale !== user.locale) {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ locale }).where(eq(users.id, user.userId));
      await recordEvent(
        tx,
        { userId: user.userId, companyId: null },
        { type: 'user.locale_changed', userId: user.userId, data: { from: user.locale, to: locale } },
      );
    });
  }
  (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
  redirect(`/${locale}${returnTo === '/' ? '' : returnTo}`);
}
