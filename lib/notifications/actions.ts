'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireSignedIn } from '@/lib/auth/gate';
import { failed, guarded, succeeded, type FormState } from '@/lib/form-state';
import { updateNotificationSettings } from './mutations';
import { notificationSettingsSchema } from './schemas';

/** Innstillinger → Din bruker → Varslinger: the user's own setting, so only a signed-in user is needed. */
export async function updateNotificationSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const user = await requireSignedIn();
    const parsed = notificationSettingsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid', formData);
    await db.transaction((tx) => updateNotificationSettings(tx, user.userId, parsed.data));
    revalidatePath('/[locale]/(portal)/settings/notifications', 'page');
    return succeeded('notifications.saved');
  });
}
