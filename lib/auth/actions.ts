'use server';

import { eq } from 'drizzle-orm';
import { getLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/events/record';
import { isProductionDeployment } from '@/lib/http/security-headers';
import { failed, invalid, type FormState } from '@/lib/form-state';
import { signIn, signOut } from './auth';
import { getClientInfo } from './client-info';
import { getCurrentSession } from './current-user';
import { isStaffUser, requireSignedIn } from './gate';
import { setLocaleSchema, signInSchema, verifyCodeSchema } from './schemas';
import { authenticatePassword, verifySecondFactor } from './sign-in';
import { revokeSession, sessionHandoff } from './session';

const LOCALE_COOKIE = 'NEXT_LOCALE';
const LOCALE_COOKIE_OPTIONS = { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: isProductionDeployment() } as const;

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await authenticatePassword(db, parsed.data.email, parsed.data.password, await getClientInfo());
  if (!result.ok) return failed(result.reason === 'throttled' ? 'auth.errors.throttled' : 'auth.errors.invalidCredentials', formData);
  await signIn('credentials', { sessionId: result.sessionId, handoff: sessionHandoff(result.sessionId), redirect: false });
  redirect(`/${await getLocale()}/login/verify`);
}

export async function verifySecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const live = await getCurrentSession();
  const locale = await getLocale();
  if (!live) redirect(`/${locale}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const parsed = verifyCodeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await verifySecondFactor(db, live, parsed.data.code, await getClientInfo());
  if (!result.ok) return failed(`auth.errors.${result.reason === 'invalid' ? 'invalidCode' : result.reason}`, formData);
  (await cookies()).set(LOCALE_COOKIE, live.locale, LOCALE_COOKIE_OPTIONS);
  redirect(`/${live.locale}/${(await isStaffUser(live.userId)) ? 'desk' : 'cases'}`);
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
      await recordEvent(tx, { userId: user.userId, companyId: null }, { type: 'user.locale_changed', userId: user.userId, data: { from: user.locale, to: locale } });
    });
  }
  (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
  redirect(`/${locale}${returnTo === '/' ? '' : returnTo}`);
}
