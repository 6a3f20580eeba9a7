'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { requireCreditorAccount, requireRole } from '@/lib/auth/gate';
import { verifyTotp } from '@/lib/auth/totp';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { failed, guarded, invalid, rawField, type FormState } from '@/lib/form-state';
import { withCheckedCompanies } from '@/lib/users/form-values';
import { usersPagePath } from '@/lib/users/notices';
import { passwordProblem } from '@/lib/auth/password-policy';
import { acceptInvitation, acceptInvitationAsMember } from './accept';
import { getInvitationByToken } from './queries';
import { inviteUsers, resendInvitation, revokeInvitation } from './mutations';
import { acceptAsMemberSchema, acceptInvitationSchema, inviteFormInput, invitationRefSchema, inviteUsersSchema } from './schemas';
import { invitationTotpSecret } from './token';

const USERS_PAGE = '/[locale]/(portal)/settings/users';

export async function inviteUsersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
      const parsed = inviteUsersSchema.safeParse(inviteFormInput(formData));
      if (!parsed.success) return withCheckedCompanies(invalid(parsed.error, formData), formData);
      const result = await db.transaction((tx) => inviteUsers(tx, actor, parsed.data));
      await dispatchOutbox(result.outboxIds);
      revalidatePath(USERS_PAGE, 'page');
      // The same answer whether or not an address already has an account.
      redirect(usersPagePath(await getLocale(), actor.companyId, parsed.data.emails.length > 1 ? 'invitedMany' : 'invited'));
    },
    (error) => withCheckedCompanies(failed(error.messageKey, formData), formData),
  );
}

export async function resendInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = invitationRefSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const { outboxIds } = await db.transaction((tx) => resendInvitation(tx, actor, parsed.data));
    await dispatchOutbox(outboxIds);
    revalidatePath(USERS_PAGE, 'page');
    redirect(usersPagePath(await getLocale(), actor.companyId, 'resent'));
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = invitationRefSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => revokeInvitation(tx, actor, parsed.data));
    revalidatePath(USERS_PAGE, 'page');
    redirect(usersPagePath(await getLocale(), actor.companyId, 'revoked'));
  });
}

/**
 * Public: the invitee has no account yet; the link's token is the authority. The TOTP code proves the
 * authenticator app holds the secret before the account exists, so the first sign-in cannot lock them out.
 */
export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    // The same policy as Sikkerhet → Endre passord; the address is the invitation's (the account does not exist yet).
    const { invitation } = await getInvitationByToken(parsed.data.token);
    if (!invitation) return failed('users.errors.invitationInvalid', formData);
    const problem = passwordProblem(parsed.data.password, invitation.email);
    if (problem) return failed('validation.summary', formData, { password: `security.password.${problem}` });
    const totpSecret = invitationTotpSecret(parsed.data.token);
    const totp = await verifyTotp(totpSecret, parsed.data.code, null);
    if (!totp.valid) return failed('validation.summary', formData, { code: 'auth.errors.invalidCode' });
    const passwordHash = await hashPassword(parsed.data.password);
    const accepted = { token: parsed.data.token, name: parsed.data.name, passwordHash, totpSecret, totpStep: totp.timeStep };
    const { locale } = await db.transaction((tx) => acceptInvitation(tx, accepted));
    redirect(`/${locale}/invitation/accepted`);
  });
}

/**
 * An existing account accepts an invitation, signed in as the invited address (its owner's consent): the
 * memberships exist only from now on. Agency staff get not found from the gate.
 */
export async function acceptInvitationAsMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const user = await requireCreditorAccount();
    const parsed = acceptAsMemberSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => acceptInvitationAsMember(tx, { userId: user.userId, email: user.email }, parsed.data.token));
    revalidatePath('/[locale]/(portal)', 'layout');
    redirect(`/${user.locale}/cases`);
  });
}
