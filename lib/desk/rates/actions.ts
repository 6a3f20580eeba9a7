'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireStaff } from '@/lib/auth/gate';
import { guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import { correctRate } from './corrections';
import { addRate } from './mutations';
import { addRateSchema } from './schemas';

/** Desk → Satser → Legg til sats: staff only; creditors are refused by the gate before anything is read. */
export async function addRateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = addRateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => addRate(tx, staff, parsed.data));
    // The warning sits on every desk page.
    revalidatePath('/[locale]/desk', 'layout');
    return succeeded('desk.rates.saved');
  });
}

/** Desk → Satser → Rett en sats: a new dated entry for a figure entered here, and the cases it touches reconciled. */
export async function correctRateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = addRateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => correctRate(tx, staff, parsed.data));
    revalidatePath('/[locale]/desk', 'layout');
    revalidatePath('/[locale]/(portal)', 'layout');
    return succeeded('desk.rates.corrected');
  });
}
