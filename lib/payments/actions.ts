'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireCaseRole } from '@/lib/auth/gate';
import { invalidForm } from '@/lib/form-errors';
import { isUniqueViolation, type DomainError } from '@/lib/errors';
import { failed, guarded, rawField, type FormState } from '@/lib/form-state';
import { registerPayment } from './mutations';
import { formLocaleSchema, registerPaymentSchema } from './schemas';

const VISIBLE_FIELDS = ['kind', 'invoiceId', 'paidOn', 'currency', 'amount'] as const;

// Business refusals that belong next to one field rather than only in the summary.
const FIELD_OF_ERROR: Record<string, string> = {
  'payments.errors.currency': 'currency',
  'payments.errors.overpayment': 'amount',
  'payments.errors.idempotencyMismatch': 'amount',
  'payments.errors.dateBeforeInvoice': 'paidOn',
  'payments.errors.invoiceNotFound': 'invoiceId',
  'payments.errors.invoiceRequired': 'invoiceId',
};

/** A business refusal beside its field, when it has one. */
function refusal(error: DomainError, formData: FormData): FormState {
  const field = FIELD_OF_ERROR[error.messageKey];
  return failed(error.messageKey, formData, field ? { [field]: error.messageKey } : undefined);
}

/** Endre sak → Registrer betaling / Registrer kreditering. */
export async function registerPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
      // The amount is read in the locale of the page it was typed on ('1 234,50' in nb, '1,234.50' in en).
      const locale = formLocaleSchema.parse(formData.get('locale'));
      const parsed = registerPaymentSchema(locale).safeParse(Object.fromEntries(formData));
      if (!parsed.success) return invalidForm(parsed.error, formData, VISIBLE_FIELDS);
      const input = parsed.data;
      let done: string;
      try {
        const result = await db.transaction((tx) => registerPayment(tx, actor, input));
        done = result.outcome === 'duplicate' ? 'duplicate' : `${input.kind}${result.caseClosed ? 'Closed' : ''}`;
      } catch (error) {
        // Two submits with one key that raced past the check: the index kept one; this one is the duplicate.
        if (!isUniqueViolation(error, 'ledger_entries_idempotency_key')) throw error;
        done = 'duplicate';
      }
      revalidatePath('/[locale]/(portal)/cases/[caseId]', 'page');
      revalidatePath('/[locale]/(portal)/cases', 'page');
      redirect(`/${locale}/cases/${actor.caseId}?done=${done}`);
    },
    (error) => refusal(error, formData),
  );
}
