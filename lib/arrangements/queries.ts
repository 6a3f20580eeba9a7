import { db } from '@/db';
import { todayInOslo } from '@/lib/dates';
import { loadTables } from '@/lib/engine/tables';
import { DomainError } from '@/lib/errors';
import type { DebtorCaseScope } from '@/lib/online-payments/mutations';
import { loadArrangeableCase } from './mutations';
import { previewArrangement, type ArrangementPreview } from './options';
import type { ArrangementInput } from './schemas';

/** What the debtor's choice would cost today (nothing is written), or the refusal's message key. */
export async function previewForDebtor(
  scope: DebtorCaseScope,
  input: ArrangementInput,
): Promise<{ preview: ArrangementPreview } | { errorKey: string }> {
  const today = todayInOslo();
  try {
    return await db.transaction(async (tx) => {
      const { loaded, hadPlan } = await loadArrangeableCase(tx, scope, today);
      return { preview: previewArrangement(loaded, input, today, await loadTables(tx), hadPlan) };
    });
  } catch (error) {
    if (error instanceof DomainError) return { errorKey: error.messageKey };
    throw error;
  }
}
