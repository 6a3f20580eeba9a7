'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireStaff } from '@/lib/auth/gate';
import { guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import { queueRateCorrection } from '@/lib/queue/kicks';
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

/**
 * Desk → Satser → Rett en sats: a new dated entry for a figure entered here. The cases it touches are reconciled by
 * a job after the commit (one request does not wait on every case); the Satser table shows whether it is done.
 */
export async function correctRateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = addRateSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const correctionId = await db.transaction((tx) => correctRate(tx, staff, parsed.data));
    await queueRateCorrection(correctionId);
    revalidatePath('/[locale]/desk', 'layout');
    return succeeded('desk.rates.corrected');
  });
}
