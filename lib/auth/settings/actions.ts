'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { getClientInfo } from '@/lib/auth/client-info';
import { requireSignedIn } from '@/lib/auth/gate';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordThrottled } from '@/lib/auth/sign-in';
import { checkSmsCode } from '@/lib/auth/sms-codes';
import { verifyTotp } from '@/lib/auth/totp';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { failed, guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import {
  assertRecentlyAuthenticated,
  changePassword,
  markReauthenticated,
  regenerateRecoveryCodes,
  removeMethod,
  removePasskey,
  saveSmsPhone,
  saveTotpSecret,
  sendSetupSms,
  setPreferredMethod,
  signOutOtherSessions,
  type SecurityActor,
} from './mutations';
import { passwordProblem } from '@/lib/auth/password-policy';
import { getSecurityOverview } from './queries';
import {
  changePasswordSchema,
  confirmSmsSchema,
  confirmTotpSchema,
  methodSchema,
  reauthenticateSchema,
  removePasskeySchema,
  sendSmsSetupSchema,
} from './schemas';
import { pendingTotpSecret } from './totp-setup';

/** A form state that may carry freshly made recovery codes, shown once. */
export type RecoveryCodesState = FormState & { codes?: string[] };

const PAGE = '/[locale]/(portal)/settings/security';

function actorOf(live: Awaited<ReturnType<typeof requireSignedIn>>): SecurityActor {
  return {
    userId: live.userId,
    sessionId: live.sessionId,
    email: live.email,
    locale: live.locale,
    reauthenticatedAt: live.reauthenticatedAt,
  };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const problem = passwordProblem(parsed.data.newPassword, live.email);
    if (problem) return failed('validation.summary', formData, { newPassword: `security.password.${problem}` });
    const checked = await checkPasswordThrottled(db, live.email.toLowerCase(), parsed.data.currentPassword, await getClientInfo());
    if (!checked.ok) {
      if (checked.reason === 'throttled') return failed('auth.errors.throttled', formData);
      return failed('validation.summary', formData, { currentPassword: 'security.password.wrongCurrent' });
    }
    const hash = await hashPassword(parsed.data.newPassword);
    const outboxId = await db.transaction((tx) => changePassword(tx, actorOf(live), hash, new Date()));
    await dispatchOutbox([outboxId]);
    revalidatePath(PAGE, 'page');
    return succeeded('security.password.changed');
  });
}

/** "Bekreft passordet ditt": opens the 10-minute window for security changes. */
export async function reauthenticateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = reauthenticateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const checked = await checkPasswordThrottled(db, live.email.toLowerCase(), parsed.data.currentPassword, await getClientInfo());
    if (!checked.ok) {
      if (checked.reason === 'throttled') return failed('auth.errors.throttled', formData);
      return failed('validation.summary', formData, { currentPassword: 'security.password.wrongCurrent' });
    }
    await db.transaction((tx) => markReauthenticated(tx, actorOf(live), new Date()));
    revalidatePath(PAGE, 'page');
    return succeeded('security.reauth.done');
  });
}

export async function confirmTotpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = confirmTotpSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const now = new Date();
    assertRecentlyAuthenticated(actorOf(live), now);
    // The secret the page offered (the server's own), never one from the post: a posted secret would let a
    // forged form bind an app the attacker holds.
    const secret = pendingTotpSecret(live.sessionId, (await getSecurityOverview(db, live.userId)).totpConfirmedAt);
    const result = await verifyTotp(secret, parsed.data.code, null);
    if (!result.valid) return failed('validation.summary', formData, { code: 'auth.errors.invalidCode' });
    await db.transaction((tx) => saveTotpSecret(tx, actorOf(live), secret, result.timeStep, now));
    revalidatePath(PAGE, 'page');
    return succeeded('security.totp.saved');
  });
}

export async function sendSmsSetupCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = sendSmsSetupSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const now = new Date();
    assertRecentlyAuthenticated(actorOf(live), now);
    const t = await getTranslations({ locale: live.locale, namespace: 'security.sms' });
    const outboxId = await db.transaction((tx) => sendSetupSms(tx, actorOf(live), parsed.data.phone, (code) => t('text', { code }), now));
    await dispatchOutbox([outboxId]);
    revalidatePath(PAGE, 'page');
    return { ...succeeded('security.sms.sent'), values: { phone: parsed.data.phone } };
  });
}

export async function confirmSmsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = confirmSmsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const now = new Date();
    assertRecentlyAuthenticated(actorOf(live), now);
    const checked = await checkSmsCode(db, live.userId, 'setup', parsed.data.code, now);
    if (checked.result !== 'ok' || !checked.phone)
      return failed('validation.summary', formData, { code: `security.sms.${checked.result}` });
    const phone = checked.phone;
    await db.transaction((tx) => saveSmsPhone(tx, actorOf(live), phone, now));
    revalidatePath(PAGE, 'page');
    return succeeded('security.sms.saved');
  });
}

export async function removeMethodAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = methodSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || parsed.data.method === 'passkey') return failed('validation.invalid', formData);
    const method = parsed.data.method;
    assertRecentlyAuthenticated(actorOf(live), new Date());
    await db.transaction((tx) => removeMethod(tx, actorOf(live), method));
    revalidatePath(PAGE, 'page');
    return succeeded('security.methods.removed');
  });
}

export async function removePasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = removePasskeySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    assertRecentlyAuthenticated(actorOf(live), new Date());
    await db.transaction((tx) => removePasskey(tx, actorOf(live), parsed.data.passkeyId));
    revalidatePath(PAGE, 'page');
    return succeeded('security.passkeys.removed');
  });
}

export async function setPreferredMethodAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    const parsed = methodSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    assertRecentlyAuthenticated(actorOf(live), new Date());
    await db.transaction((tx) => setPreferredMethod(tx, actorOf(live), parsed.data.method));
    revalidatePath(PAGE, 'page');
    return succeeded('security.preferred.saved');
  });
}

export async function regenerateRecoveryCodesAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    assertRecentlyAuthenticated(actorOf(live), new Date());
    const codes = await db.transaction((tx) => regenerateRecoveryCodes(tx, actorOf(live)));
    revalidatePath(PAGE, 'page');
    return { ...succeeded('security.recovery.regenerated'), codes };
  });
}

export async function signOutOtherSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const live = await requireSignedIn();
    await db.transaction((tx) => signOutOtherSessions(tx, actorOf(live), new Date()));
    revalidatePath(PAGE, 'page');
    return succeeded('security.sessions.signedOutOthers');
  });
}
