'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { registerPaymentAction } from '@/lib/payments/actions';
import { Select } from '@/components/ui/select';

export type InvoiceOption = { id: string; label: string };

type Props = {
  caseId: string;
  locale: Locale;
  /** Made when the server rendered this form: a double submit, a second tab or a retry books once. */
  idempotencyKey: string;
  invoices: InvoiceOption[];
  today: string;
  currency: string;
  outstanding: string;
  /** AutoCollect companies: everything shown, nothing usable (the reason is shown above the form). */
  isDisabled: boolean;
  disabledReasonId?: string;
};

const SELECT =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700';

/**
 * Endre sak → Registrer betaling, with a Betaling / Kreditering switch. The submit label follows the switch with
 * CSS (:has), so "Registrer kreditering" appears without JavaScript too.
 */
export function RegisterPaymentForm({
  caseId,
  locale,
  idempotencyKey,
  invoices,
  today,
  currency,
  outstanding,
  isDisabled,
  disabledReasonId,
}: Props) {
  const t = useTranslations('payments');
  const [state, formAction, pending] = useActionState(registerPaymentAction, idleState);
  const msg = useFormMessages(state);
  const kind = msg.value('kind') === 'credit' ? 'credit' : 'payment';
  const needsConfirmation = state.message === 'payments.errors.overpayment';
  return (
    <form action={formAction} className="group grid max-w-xl gap-5" noValidate aria-describedby={disabledReasonId}>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset disabled={isDisabled} className="grid gap-5 disabled:opacity-60">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t('kind')}</legend>
          <div className="flex gap-6">
            {(['payment', 'credit'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value={value} defaultChecked={kind === value} className="h-4 w-4" />
                {t(value === 'payment' ? 'kindPayment' : 'kindCredit')}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('invoice')} error={msg.field('invoiceId')}>
          <Select name="invoiceId" defaultValue={msg.value('invoiceId') ?? invoices[0]?.id ?? ''} className={SELECT}>
            {invoices.map((invoice) => (
              <option key={invoice.id} value={invoice.id}>
                {invoice.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('paidOn')} error={msg.field('paidOn')}>
          <Input type="date" name="paidOn" max={today} required defaultValue={msg.value('paidOn') ?? today} />
        </Field>
        <Field label={t('currency')} hint={t('currencyHint')} error={msg.field('currency')}>
          <Select name="currency" defaultValue={currency} className={SELECT}>
            <option value={currency}>{currency}</option>
          </Select>
        </Field>
        <Field label={t('amount')} hint={t('amountHint', { outstanding })} error={msg.field('amount')}>
          <Input name="amount" inputMode="decimal" autoComplete="off" required maxLength={40} defaultValue={msg.value('amount')} />
        </Field>
        <FormStatus text={msg.summary} tone={msg.tone} />
        {needsConfirmation ? (
          // The server's confirmation step: the same amount again, confirmed as an overpayment on purpose.
          <div className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-medium">{t('confirmOverpayment.title')}</p>
            <p>{t('confirmOverpayment.body', { amount: msg.value('amount') ?? '', outstanding })}</p>
            <input type="hidden" name="confirmedAmount" value={msg.value('amount') ?? ''} />
          </div>
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={pending || isDisabled}>
            {pending ? (
              t('saving')
            ) : needsConfirmation ? (
              t('confirmOverpayment.submit')
            ) : (
              <>
                <span className="group-has-[input[value=credit]:checked]:hidden">{t('submitPayment')}</span>
                <span className="hidden group-has-[input[value=credit]:checked]:inline">{t('submitCredit')}</span>
              </>
            )}
          </Button>
          <Link href={`/cases/${caseId}`} className="text-sm text-brand-700 underline">
            {t('cancel')}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
