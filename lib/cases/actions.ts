'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireCaseRole } from '@/lib/auth/gate';
import { guarded, rawField, type FormState } from '@/lib/form-state';
import { invalidForm } from '@/lib/form-errors';
import { changeCaseStatus } from './mutations';
import { changeCaseStatusSchema } from './schemas';

/** Behandle → Pause sak / Gjenoppta sak / Trekk sak, confirmed on the server-rendered step. */
export async function changeCaseStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
    const parsed = changeCaseStatusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['reason']);
    const status = await db.transaction((tx) => changeCaseStatus(tx, actor, parsed.data));
    revalidatePath('/[locale]/(portal)/cases/[caseId]', 'page');
    revalidatePath('/[locale]/(portal)/cases', 'page');
    redirect(`/${await getLocale()}/cases/${actor.caseId}?done=${status}`);
  });
}
