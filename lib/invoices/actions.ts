'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db';
import { requireRole, requireSignedIn } from '@/lib/auth/gate';
import { DomainError } from '@/lib/errors';
import { failed, succeeded, type FormState } from '@/lib/form-state';
import { formLocaleSchema } from '@/lib/payments/schemas';
import { queueInvoiceRegistration } from '@/lib/queue/kicks';
import { setBetaEnabled, saveCustomerStep, submitInvoiceStep } from './mutations';
import { getDebtorByCustomerNumber, getMyDraft } from './queries';
import { betaSchema, lookupSchema, parseCustomerForm, parseInvoiceForm } from './schemas';
import { formValues, invoiceFormState, refusalState } from './form-state';

/** Innstillinger → Betaprogram: the user's own switch, so being signed in is the gate. */
export async function updateBetaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireSignedIn();
  const parsed = betaSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed('validation.invalid', formData);
  await db.transaction((tx) => setBetaEnabled(tx, user.userId, parsed.data.betaEnabled));
  revalidatePath('/[locale]/(portal)', 'layout');
  return succeeded(parsed.data.betaEnabled ? 'invoices.beta.savedOn' : 'invoices.beta.savedOff');
}

/**
 * + Ny faktura, step 1. "Hent" (intent=lookup) fills the fields from the company's debtor with that customer
 * number and writes nothing; "Neste" keeps the customer in the user's draft and goes on to step 2.
 */
export async function saveCustomerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocaleSchema.parse(formData.get('locale'));
  if (formData.get('intent') === 'lookup') {
    const lookup = lookupSchema.safeParse({ companyId: formData.get('companyId'), customerNumber: formData.get('customerNumber') });
    if (!lookup.success) return invoiceFormState('validation.summary', formData, { customerNumber: 'validation.required' });
    let actor;
    try {
      actor = await requireRole(lookup.data.companyId, 'write');
    } catch (error) {
      if (error instanceof DomainError) return refusalState(error, formData);
      throw error;
    }
    const debtor = await getDebtorByCustomerNumber(actor.companyId, lookup.data.customerNumber);
    if (!debtor) return { status: 'idle', message: 'invoices.customer.notFound', values: formValues(formData) };
    const filled = Object.fromEntries(Object.entries(debtor).map(([key, value]) => [key, value ?? '']));
    return { status: 'success', message: 'invoices.customer.found', values: { ...formValues(formData), ...filled } };
  }
  const parsed = parseCustomerForm(formData);
  if (!parsed.success) return invoiceFormState('validation.summary', formData, parsed.fieldErrors);
  let draftId: string;
  try {
    // Inside the try: a Lese user's crafted post gets the translated refusal, not an error page.
    const actor = await requireRole(parsed.data.companyId, 'write');
    draftId = await db.transaction((tx) => saveCustomerStep(tx, actor, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return refusalState(error, formData);
    throw error;
  }
  redirect(`/${locale}/cases/new?draft=${draftId}`);
}

/**
 * + Ny faktura, step 2, Registrer: the invoice joins the user's own draft (its PDF was uploaded to it through the
 * upload route, app/api/invoices/drafts/[draftId]/attachment), which goes to the registration job. The case
 * appears when the job has run. The gate comes first: nothing of the form is read before it.
 */
export async function submitInvoiceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireSignedIn();
  const locale = formLocaleSchema.parse(formData.get('locale'));
  const draftId = z.uuid().safeParse(formData.get('draftId'));
  // Only the user's own draft; another user's id looks like no draft at all.
  const draft = draftId.success ? await getMyDraft(user.userId, draftId.data) : null;
  if (!draft) return failed('invoices.errors.draftNotFound', formData);
  let actor;
  try {
    actor = await requireRole(draft.companyId, 'write');
  } catch (error) {
    if (error instanceof DomainError) return refusalState(error, formData);
    throw error;
  }
  const parsed = parseInvoiceForm(formData, locale);
  if (!parsed.success) return invoiceFormState('validation.summary', formData, parsed.fieldErrors);
  try {
    await db.transaction((tx) => submitInvoiceStep(tx, actor, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) return refusalState(error, formData);
    throw error;
  }
  await queueInvoiceRegistration(draft.id);
  revalidatePath('/[locale]/(portal)/cases', 'page');
  redirect(`/${locale}/cases/new?draft=${draft.id}`);
}
