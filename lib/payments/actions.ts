'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireCaseRole } from '@/lib/auth/gate';
import { isUniqueViolation } from '@/lib/errors';
import { invalidForm } from '@/lib/form-errors';
import { DomainError } from '@/lib/errors';
import { failed, type FormState } from '@/lib/form-state';
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

/** Endre sak → Registrer betaling / Registrer kreditering. */
export async function registerPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // The amount is read in the locale of the page it was typed on ('1 234,50' in nb, '1,234.50' in en).
  const locale = formLocaleSchema.parse(formData.get('locale'));
  const parsed = registerPaymentSchema(locale).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm(parsed.error, formData, VISIBLE_FIELDS);
  const input = parsed.data;
  let done: string;
  try {
    // Inside the try: the gate's "role too low" is a DomainError, answered with the translated state.
    const actor = await requireCaseRole(input.caseId, 'write');
    const result = await db.transaction((tx) => registerPayment(tx, actor, input));
    done = result.outcome === 'duplicate' ? 'duplicate' : `${input.kind}${result.caseClosed ? 'Closed' : ''}`;
  } catch (error) {
    if (error instanceof DomainError) {
      const field = FIELD_OF_ERROR[error.messageKey];
      return failed(error.messageKey, formData, field ? { [field]: error.messageKey } : undefined);
    }
    // Two submits with one key that raced past the check: the index kept one; this one is the duplicate.
    if (!isUniqueViolation(error, 'ledger_entries_idempotency_key')) throw error;
    done = 'duplicate';
  }
  revalidatePath('/[locale]/(portal)/cases/[caseId]', 'page');
  revalidatePath('/[locale]/(portal)/cases', 'page');
  redirect(`/${locale}/cases/${input.caseId}?done=${done}`);
}
