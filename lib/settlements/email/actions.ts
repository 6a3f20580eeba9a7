'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireRole } from '@/lib/auth/gate';
import { guarded, invalid, rawField, succeeded, type FormState } from '@/lib/form-state';
import { updateSettlementEmail } from './mutations';
import { settlementEmailSchema } from './schemas';

/** Innstillinger → Selskap → Oppgjørsrapporter: the company's settlement-report address and its language. */
export async function updateSettlementEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = settlementEmailSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => updateSettlementEmail(tx, actor, parsed.data));
    revalidatePath('/[locale]/(portal)/settings/company/settlement', 'page');
    return succeeded('companySettings.settlement.saved');
  });
}
