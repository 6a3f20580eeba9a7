'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { updateSettlementEmailAction } from '@/lib/settlements/email/actions';
import { idleState } from '@/lib/form-state';
import { Select } from '@/components/ui/select';

type Props = { companyId: string; settlementEmail: string; settlementEmailLocale: 'nb' | 'en' };

/** The company's settlement-report address and its language; a plain form that works without JavaScript. */
export function SettlementEmailForm({ companyId, settlementEmail, settlementEmailLocale }: Props) {
  const t = useTranslations('companySettings.settlement');
  const [state, formAction, pending] = useActionState(updateSettlementEmailAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <input type="hidden" name="companyId" value={companyId} />
      <Field label={t('email')} hint={t('emailHint')} error={msg.field('settlementEmail')}>
        <Input
          name="settlementEmail"
          type="email"
          autoComplete="email"
          maxLength={254}
          defaultValue={msg.value('settlementEmail') ?? settlementEmail}
        />
      </Field>
      <Field label={t('locale')} error={msg.field('settlementEmailLocale')}>
        <Select
          name="settlementEmailLocale"
          defaultValue={msg.value('settlementEmailLocale') ?? settlementEmailLocale}
          className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          <option value="nb">{t('locales.nb')}</option>
          <option value="en">{t('locales.en')}</option>
        </Select>
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
