'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { registerDebtorPaymentAction } from '@/lib/debtor-payments/actions';
import { idleState } from '@/lib/form-state';

/** One debtor payment by KID, as on the bank statement. */
export function RegisterDebtorPaymentForm({ today }: { today: string }) {
  const t = useTranslations('desk.payments');
  const [state, formAction, pending] = useActionState(registerDebtorPaymentAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <Field label={t('paidOn')} error={msg.field('paidOn')}>
        <Input name="paidOn" type="date" required max={today} defaultValue={msg.value('paidOn') ?? today} />
      </Field>
      <Field label={t('kid')} error={msg.field('kid')}>
        <Input name="kid" inputMode="numeric" required maxLength={25} defaultValue={msg.value('kid')} />
      </Field>
      <Field label={t('amount')} error={msg.field('amount')}>
        <Input name="amount" inputMode="decimal" required defaultValue={msg.value('amount')} />
      </Field>
      <Field label={t('payer')} error={msg.field('payer')}>
        <Input name="payer" maxLength={200} defaultValue={msg.value('payer')} />
      </Field>
      <Field label={t('bankReference')} error={msg.field('bankReference')}>
        <Input name="bankReference" required maxLength={60} defaultValue={msg.value('bankReference')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {t('register')}
      </Button>
    </form>
  );
}
