'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { idleState } from '@/lib/form-state';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { submitInvoiceAction } from '@/lib/invoices/actions';
import { INVOICE_CURRENCIES } from '@/lib/invoices/schemas';
import { useInvoiceMessages } from './use-invoice-messages';

const SELECT =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700';

type Props = {
  locale: Locale;
  draftId: string;
  /** The invoice as last submitted (after a failed registration), typed the page's way. */
  initial: Record<string, string>;
};

/** + Ny faktura, step 2: the invoice (its PDF is uploaded beside it, InvoiceUploadForm). Registrer hands it to the registration job. */
export function InvoiceForm({ locale, draftId, initial }: Props) {
  const t = useTranslations('invoices.wizard');
  const [state, formAction, pending] = useActionState(submitInvoiceAction, idleState);
  const msg = useInvoiceMessages(state);
  const value = (name: string) => msg.value(name) ?? initial[name] ?? '';
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="draftId" value={draftId} />
      <Field label={t('invoiceNumber')} error={msg.field('invoiceNumber')}>
        <Input name="invoiceNumber" required maxLength={40} autoComplete="off" defaultValue={value('invoiceNumber')} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('issuedOn')} error={msg.field('issuedOn')}>
          <Input name="issuedOn" type="date" required defaultValue={value('issuedOn')} />
        </Field>
        <Field label={t('dueOn')} error={msg.field('dueOn')}>
          <Input name="dueOn" type="date" required defaultValue={value('dueOn')} />
        </Field>
      </div>
      <div className="grid gap-5 sm:grid-cols-[1fr_10rem]">
        <Field label={t('amount')} hint={t('amountHint')} error={msg.field('amount')}>
          <Input name="amount" inputMode="decimal" required maxLength={40} autoComplete="off" defaultValue={value('amount')} />
        </Field>
        <Field label={t('currency')} error={msg.field('currency')}>
          <Select name="currency" defaultValue={value('currency') || 'NOK'} className={SELECT}>
            {INVOICE_CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('description')} error={msg.field('description')}>
        <textarea name="description" rows={3} maxLength={500} defaultValue={value('description')} className={SELECT} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('register')}
        </Button>
        <Link href={`/cases/new?draft=${draftId}&step=customer`} className="text-sm text-brand-700 underline">
          {t('back')}
        </Link>
      </div>
    </form>
  );
}
