'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireRole, requireSignedIn } from '@/lib/auth/gate';
import { failed, guarded, invalid, rawField, succeeded, type FormState } from '@/lib/form-state';
import { deleteUser, updateMemberAccess, updateProfile } from './mutations';
import { deleteUserSchema, editFormInput, editMemberSchema, profileSchema } from './schemas';
import { withCheckedCompanies } from './form-values';
import { usersPagePath } from './notices';

const USERS_PAGE = '/[locale]/(portal)/settings/users';

export async function updateMemberAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
      const parsed = editMemberSchema.safeParse(editFormInput(formData));
      if (!parsed.success) return withCheckedCompanies(invalid(parsed.error, formData), formData);
      await db.transaction((tx) => updateMemberAccess(tx, actor, parsed.data));
      revalidatePath(USERS_PAGE, 'page');
      redirect(usersPagePath(await getLocale(), actor.companyId, 'saved'));
    },
    (error) => withCheckedCompanies(failed(error.messageKey, formData), formData),
  );
}

export async function deleteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = deleteUserSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => deleteUser(tx, actor, parsed.data));
    revalidatePath(USERS_PAGE, 'page');
    redirect(usersPagePath(await getLocale(), actor.companyId, 'deleted'));
  });
}

/** The signed-in user's own profile: no company involved, so requireSignedIn is the gate. */
export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const user = await requireSignedIn();
    const parsed = profileSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => updateProfile(tx, user.userId, parsed.data));
    revalidatePath('/[locale]/(portal)', 'layout');
    return succeeded('users.profile.saved');
  });
}
