'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/db';
import { requireDebtor, requireDebtorCase } from '@/lib/auth/gate';
import { requestArrangement } from '@/lib/arrangements/mutations';
import { formLocaleSchema } from '@/lib/payments/schemas';
import { arrangementSchema } from '@/lib/arrangements/schemas';
import { failed, guarded, invalid, rawField, succeeded, type FormState } from '@/lib/form-state';
import { consentSubjectOf, grantConsent, withdrawConsent } from '@/lib/letter-consents/mutations';
import { grantConsentSchema } from '@/lib/letter-consents/schemas';
import { postDebtorMessage } from '@/lib/messages/mutations';
import { postMessageSchema } from '@/lib/messages/schemas';
import { configuredProviderName, localProviderAllowed, paymentProvider } from '@/lib/online-payments/config';
import { rememberRedirect, settleOnlinePayment, startOnlinePayment } from '@/lib/online-payments/mutations';
import { payNowSchema, localDecisionSchema } from './schemas';
import { localPaymentByReference } from './queries';

// Min side's actions. Each asks the debtor gate first (requireDebtorCase: the case must be the debtor's own), and
// only then parses the form, reads an upload or writes: nothing runs for a caller the gate refuses.

const CASE_PAGE = '/[locale]/min-side/cases/[caseId]';

/** Betal nå: records the payment (one per form, by its idempotency key) and sends the debtor to the provider. */
export async function payNowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireDebtorCase(rawField(formData, 'caseId'));
    // The amount is read in the locale of the page it was typed on, the one it was shown in.
    const locale = formLocaleSchema.parse(formData.get('locale'));
    const parsed = payNowSchema(locale).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const providerName = configuredProviderName();
    if (!providerName) return failed('debtorActions.pay.errors.unavailable', formData);
    const started = await db.transaction((tx) => startOnlinePayment(tx, actor, parsed.data, providerName));
    let url = started.redirectUrl;
    if (!url) {
      const provider = paymentProvider(locale);
      if (!provider) return failed('debtorActions.pay.errors.unavailable', formData);
      const returnUrl = new URL(
        `/${locale}/min-side/cases/${actor.caseId}/pay?reference=${encodeURIComponent(started.reference)}`,
        process.env.PORTAL_URL ?? 'http://localhost:3000',
      ).toString();
      const created = await provider
        .createPayment({
          reference: started.reference,
          amountOre: started.amountOre,
          idempotencyKey: parsed.data.idempotencyKey,
          returnUrl,
          description: `Sak ${started.caseNumber}`,
        })
        .catch(() => null);
      if (!created) return failed('debtorActions.pay.errors.providerDown', formData);
      await rememberRedirect(db, started.id, created.redirectUrl);
      url = created.redirectUrl;
    }
    redirect(url);
  });
}

/** The demo's local provider page: the debtor approves or declines their own payment. Refused outside the demo. */
export async function decideLocalPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    await requireDebtor();
    if (!localProviderAllowed()) return failed('debtorActions.pay.errors.unavailable');
    const parsed = localDecisionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('cases.errors.reloadForm');
    const payment = await localPaymentByReference(parsed.data.reference);
    // Another debtor's payment is as unknown as a made-up reference.
    const actor = await requireDebtorCase(payment?.caseId ?? '');
    if (!payment) return failed('debtorActions.pay.errors.notFound');
    const outcome = parsed.data.decision === 'approve' ? 'approved' : 'declined';
    await settleOnlinePayment(db, {
      provider: 'local',
      reference: payment.reference,
      eventName: parsed.data.decision.toUpperCase(),
      outcome,
    });
    revalidatePath(CASE_PAGE, 'page');
    redirect(`/${await getLocale()}/min-side/cases/${actor.caseId}/pay?reference=${encodeURIComponent(payment.reference)}`);
  });
}

/** Tid eller nedbetalingsplan, confirmed after the page showed its cost. */
export async function requestArrangementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireDebtorCase(rawField(formData, 'caseId'));
    const locale = formLocaleSchema.parse(formData.get('locale'));
    const parsed = arrangementSchema(locale).safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const outcome = await db.transaction((tx) => requestArrangement(tx, actor, parsed.data));
    revalidatePath(CASE_PAGE, 'page');
    revalidatePath(`${CASE_PAGE}/plan`, 'page');
    // Back to the plan page without the choice, so it shows the schedule just stored (with or without JavaScript).
    redirect(`/${locale}/min-side/cases/${actor.caseId}/plan?done=${outcome.status}`);
  });
}

/** Skriv til oss: the case thread (the desk sees it; the creditor once the agency shares it). */
export async function postDebtorMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireDebtorCase(rawField(formData, 'caseId'));
    const parsed = postMessageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await db.transaction((tx) => postDebtorMessage(tx, actor, parsed.data));
    revalidatePath(`${CASE_PAGE}/messages`, 'page');
    return succeeded('debtorActions.messages.sent');
  });
}

const consentIntent = z.object({ intent: z.enum(['grant', 'withdraw']) });

/** Brev i Min side: consent (channel, address, the terms) or its withdrawal, for the identity (or the one case) signed in. */
export async function changeLetterConsentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const debtor = await requireDebtor();
    const subject = consentSubjectOf(debtor);
    const intent = consentIntent.safeParse(Object.fromEntries(formData));
    if (!intent.success) return failed('cases.errors.reloadForm');
    if (intent.data.intent === 'withdraw') {
      await db.transaction((tx) => withdrawConsent(tx, subject));
      revalidatePath('/[locale]/min-side/settings', 'page');
      return succeeded('debtorActions.consent.withdrawn');
    }
    const parsed = grantConsentSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const locale = await getLocale();
    await db.transaction((tx) => grantConsent(tx, subject, { ...parsed.data, locale }));
    revalidatePath('/[locale]/min-side/settings', 'page');
    return succeeded('debtorActions.consent.granted');
  });
}
