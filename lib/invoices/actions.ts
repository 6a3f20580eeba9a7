'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db';
import { requireRole, requireSignedIn } from '@/lib/auth/gate';
import { failed, guarded, succeeded, type FormState } from '@/lib/form-state';
import { formLocaleSchema } from '@/lib/payments/schemas';
import { queueInvoiceRegistration } from '@/lib/queue/kicks';
import { setBetaEnabled, saveCustomerStep, submitInvoiceStep } from './mutations';
import { getDebtorByCustomerNumber, getMyDraft } from './queries';
import { betaSchema, lookupSchema, parseCustomerForm, parseInvoiceForm } from './schemas';
import { formValues, invoiceFormState, refusalState } from './form-state';

/** Innstillinger → Betaprogram: the user's own switch, so being signed in is the gate. */
export async function updateBetaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const user = await requireSignedIn();
    const parsed = betaSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid', formData);
    await db.transaction((tx) => setBetaEnabled(tx, user.userId, parsed.data.betaEnabled));
    revalidatePath('/[locale]/(portal)', 'layout');
    return succeeded(parsed.data.betaEnabled ? 'invoices.beta.savedOn' : 'invoices.beta.savedOff');
  });
}

/**
 * + Ny faktura, step 1. "Hent" (intent=lookup) fills the fields from the company's debtor with that customer
 * number and writes nothing; "Neste" keeps the customer in the user's draft and goes on to step 2.
 */
export async function saveCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      // The company is a choice on this form (an empty one gets its message beside the field): the gate signs the
      // user in first, and the role in the chosen company is checked as soon as the choice is parsed.
      await requireSignedIn();
      const locale = formLocaleSchema.parse(formData.get('locale'));
      if (formData.get('intent') === 'lookup') {
        const lookup = lookupSchema.safeParse({ companyId: formData.get('companyId'), customerNumber: formData.get('customerNumber') });
        if (!lookup.success) return invoiceFormState('validation.summary', formData, { customerNumber: 'validation.required' });
        const actor = await requireRole(lookup.data.companyId, 'write');
        const debtor = await getDebtorByCustomerNumber(actor.companyId, lookup.data.customerNumber);
        if (!debtor) return { status: 'idle', message: 'invoices.customer.notFound', values: formValues(formData) } satisfies FormState;
        const filled = Object.fromEntries(Object.entries(debtor).map(([key, value]) => [key, value ?? '']));
        return {
          status: 'success',
          message: 'invoices.customer.found',
          values: { ...formValues(formData), ...filled },
        } satisfies FormState;
      }
      const parsed = parseCustomerForm(formData);
      if (!parsed.success) return invoiceFormState('validation.summary', formData, parsed.fieldErrors);
      const actor = await requireRole(parsed.data.companyId, 'write');
      const draftId = await db.transaction((tx) => saveCustomerStep(tx, actor, parsed.data));
      redirect(`/${locale}/cases/new?draft=${draftId}`);
    },
    (error) => refusalState(error, formData),
  );
}

/**
 * + Ny faktura, step 2, Registrer: the invoice joins the user's own draft (its PDF was uploaded to it through the
 * upload route, app/api/invoices/drafts/[draftId]/attachment), which goes to the registration job. The case
 * appears when the job has run. The gate comes first: nothing of the form is read before it.
 */
export async function submitInvoiceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      const user = await requireSignedIn();
      // Only the user's own draft; another user's id looks like no draft at all.
      const draftId = z.uuid().safeParse(formData.get('draftId'));
      const draft = draftId.success ? await getMyDraft(user.userId, draftId.data) : null;
      if (!draft) return failed('invoices.errors.draftNotFound', formData);
      const actor = await requireRole(draft.companyId, 'write');
      const locale = formLocaleSchema.parse(formData.get('locale'));
      const parsed = parseInvoiceForm(formData, locale);
      if (!parsed.success) return invoiceFormState('validation.summary', formData, parsed.fieldErrors);
      await db.transaction((tx) => submitInvoiceStep(tx, actor, parsed.data));
      await queueInvoiceRegistration(draft.id);
      revalidatePath('/[locale]/(portal)/cases', 'page');
      redirect(`/${locale}/cases/new?draft=${draft.id}`);
    },
    (error) => refusalState(error, formData),
  );
}
