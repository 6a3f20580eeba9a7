'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { payNowAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';
import type { Locale } from '@/lib/i18n/routing';

/**
 * Betal nå: the amount (today's claim filled in, written for input in the page's locale, which the server reads it
 * in) and the form's idempotency key, so a double submit pays once.
 */
export function PayForm({
  caseId,
  locale,
  amount,
  idempotencyKey,
}: {
  caseId: string;
  locale: Locale;
  amount: string;
  idempotencyKey: string;
}) {
  const t = useTranslations('debtorActions.pay');
  const [state, formAction, pending] = useActionState(payNowAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />
      <Field label={t('amount')} error={msg.field('amount')}>
        <Input name="amount" inputMode="decimal" required defaultValue={msg.value('amount') ?? amount} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
