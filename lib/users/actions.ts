'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireSignedIn } from '@/lib/auth/gate';
import { requireRole } from '@/lib/auth/gate';
import { DomainError } from '@/lib/errors';
import { failed, invalid, succeeded, type FormState } from '@/lib/form-state';
import { deleteUser, updateMemberAccess, updateProfile } from './mutations';
import { deleteUserSchema, editFormInput, editMemberSchema, profileSchema } from './schemas';
import { withCheckedCompanies } from './form-values';
import { usersPagePath } from './notices';

const USERS_PAGE = '/[locale]/(portal)/settings/users';

export async function updateMemberAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = editMemberSchema.safeParse(editFormInput(formData));
  if (!parsed.success) return withCheckedCompanies(invalid(parsed.error, formData), formData);
  try {
    const actor = await requireRole(parsed.data.companyId, 'admin');
    await db.transaction((tx) => updateMemberAccess(tx, actor, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return withCheckedCompanies(failed(error.messageKey, formData), formData);
    throw error;
  }
  revalidatePath(USERS_PAGE, 'page');
  redirect(usersPagePath(await getLocale(), parsed.data.companyId, 'saved'));
}

export async function deleteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = deleteUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  try {
    const actor = await requireRole(parsed.data.companyId, 'admin');
    await db.transaction((tx) => deleteUser(tx, actor, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return failed(error.messageKey, formData);
    throw error;
  }
  revalidatePath(USERS_PAGE, 'page');
  redirect(usersPagePath(await getLocale(), parsed.data.companyId, 'deleted'));
}

/** The signed-in user's own profile: no company involved, so requireSignedIn is the gate. */
export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireSignedIn();
  const parsed = profileSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  await db.transaction((tx) => updateProfile(tx, user.userId, parsed.data));
  revalidatePath('/[locale]/(portal)', 'layout');
  return succeeded('users.profile.saved');
}
