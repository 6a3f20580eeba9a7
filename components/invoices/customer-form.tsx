'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState, type FocusEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { idleState, type FormState } from '@/lib/form-state';
import type { Locale } from '@/lib/i18n/routing';
import { saveCustomerAction } from '@/lib/invoices/actions';
import { CUSTOMER_FIELDS, DEBTOR_COUNTRIES } from '@/lib/invoices/schemas';
import { useInvoiceMessages } from './use-invoice-messages';

const SELECT =
  'block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700';

type Props = {
  locale: Locale;
  companies: { id: string; name: string }[];
  draftId: string | null;
  /** Step 1 as saved on the draft (going back), or the chosen company on a new one. */
  initial: Record<string, string>;
};

/**
 * + Ny faktura, step 1: the customer. A known kundenummer fills the other fields from the company's debtor
 * register: "Hent" does it without JavaScript; with it, leaving the field does the same look-up.
 */
export function CustomerForm({ locale, companies, draftId, initial }: Props) {
  const t = useTranslations('invoices');
  const [state, formAction, pending] = useActionState(saveCustomerAction, idleState);
  const msg = useInvoiceMessages(state);
  const [lookup, setLookup] = useState<FormState>(idleState);
  const lookupMsg = useInvoiceMessages(lookup);
  const lastLookedUp = useRef(initial.customerNumber ?? '');
  const value = (name: string) => msg.value(name) ?? initial[name] ?? '';
  const kind = value('kind') || 'person';

  // With JavaScript, leaving the kundenummer field asks the same server look-up as "Hent" and fills the fields
  // in place (not as a form action, which would reset what was typed meanwhile).
  async function lookUp(event: FocusEvent<HTMLInputElement>) {
    const form = event.currentTarget.form;
    const typed = event.currentTarget.value.trim();
    if (!form || !typed || typed === lastLookedUp.current) return;
    lastLookedUp.current = typed;
    const query = new FormData();
    for (const name of ['locale', 'companyId']) query.set(name, String(new FormData(form).get(name) ?? ''));
    query.set('intent', 'lookup');
    query.set('customerNumber', typed);
    const result = await saveCustomerAction(idleState, query);
    if (result.status === 'success' && result.values) {
      for (const name of CUSTOMER_FIELDS) {
        const control = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
        if (control && result.values[name] !== undefined) control.value = result.values[name];
      }
    }
    setLookup(result);
  }

  return (
    <form action={formAction} className="group grid max-w-2xl gap-5" noValidate>
      {/* Enter in any field means Neste (the first submit button of a form is its default). */}
      <button type="submit" name="intent" value="next" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="locale" value={locale} />
      {draftId ? <input type="hidden" name="draftId" value={draftId} /> : null}
      {companies.length > 1 ? (
        <Field label={t('wizard.company')} error={msg.field('companyId')}>
          <Select name="companyId" defaultValue={value('companyId')} className={SELECT} required>
            <option value="">{t('wizard.chooseCompany')}</option>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <input type="hidden" name="companyId" value={companies[0]?.id ?? ''} />
      )}
      <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field label={t('wizard.customerNumber')} hint={t('wizard.customerNumberHint')} error={msg.field('customerNumber')}>
          <Input name="customerNumber" required maxLength={40} autoComplete="off" defaultValue={value('customerNumber')} onBlur={lookUp} />
        </Field>
        <button
          type="submit"
          name="intent"
          value="lookup"
          formNoValidate
          disabled={pending}
          className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-400 sm:mb-7"
        >
          {t('wizard.fetch')}
        </button>
      </div>
      {lookup.message ? <FormStatus text={lookupMsg.summary} tone={lookup.status} /> : null}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t('wizard.kind')}</legend>
        <div className="flex gap-6">
          {(['person', 'company'] as const).map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={option} defaultChecked={kind === option} className="h-4 w-4" />
              {t(option === 'person' ? 'wizard.kindPerson' : 'wizard.kindCompany')}
            </label>
          ))}
        </div>
        {msg.field('kind') ? <p className="mt-1 text-sm font-medium text-red-700">{msg.field('kind')}</p> : null}
      </fieldset>
      <Field label={t('wizard.name')} error={msg.field('name')}>
        <Input name="name" required maxLength={200} autoComplete="off" defaultValue={value('name')} />
      </Field>
      {/* The number that fits the kind; CSS (:has) switches them, so this works without JavaScript too. */}
      <div className="group-has-[input[value=company]:checked]:hidden">
        <Field label={t('wizard.nationalId')} error={msg.field('nationalId')}>
          <Input name="nationalId" inputMode="numeric" maxLength={14} autoComplete="off" defaultValue={value('nationalId')} />
        </Field>
      </div>
      <div className="hidden group-has-[input[value=company]:checked]:block">
        <Field label={t('wizard.organisationNumber')} error={msg.field('organisationNumber')}>
          <Input
            name="organisationNumber"
            inputMode="numeric"
            maxLength={12}
            autoComplete="off"
            defaultValue={value('organisationNumber')}
          />
        </Field>
      </div>
      <Field label={t('wizard.addressLine')} error={msg.field('addressLine')}>
        <Input name="addressLine" required maxLength={200} defaultValue={value('addressLine')} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <Field label={t('wizard.postcode')} error={msg.field('postcode')}>
          <Input name="postcode" required maxLength={10} defaultValue={value('postcode')} />
        </Field>
        <Field label={t('wizard.city')} error={msg.field('city')}>
          <Input name="city" required maxLength={100} defaultValue={value('city')} />
        </Field>
      </div>
      <Field label={t('wizard.country')} error={msg.field('countryCode')}>
        <Select name="countryCode" defaultValue={value('countryCode') || 'NO'} className={SELECT}>
          {DEBTOR_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {t(`countries.${code}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('wizard.email')} error={msg.field('email')}>
        <Input name="email" type="email" maxLength={254} defaultValue={value('email')} />
      </Field>
      <Field label={t('wizard.phone')} error={msg.field('phone')}>
        <Input name="phone" type="tel" maxLength={20} defaultValue={value('phone')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" name="intent" value="next" disabled={pending}>
          {pending ? t('wizard.saving') : t('wizard.next')}
        </Button>
      </div>
    </form>
  );
}
