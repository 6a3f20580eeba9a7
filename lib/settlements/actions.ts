'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireStaff } from '@/lib/auth/gate';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import { runSettlementSchema } from '@/lib/debtor-payments/schemas';
import { runSettlement } from './run';

const OUTCOME_KEYS = {
  created: 'desk.settlements.created',
  exists: 'desk.settlements.exists',
  nothing: 'desk.settlements.nothing',
} as const;

/** Desk → Oppgjør → Kjør oppgjør nå: the settlement run for one company and cut-off, on demand. */
export async function runSettlementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    await requireStaff();
    const parsed = runSettlementSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const result = await db.transaction((tx) => runSettlement(tx, parsed.data.companyId, parsed.data.periodEndOn));
    if (result.outcome === 'created' && result.outboxId) await dispatchOutbox([result.outboxId]);
    revalidatePath('/[locale]/desk/settlements', 'page');
    revalidatePath('/[locale]/(portal)/reports', 'page');
    return succeeded(OUTCOME_KEYS[result.outcome]);
  });
}
