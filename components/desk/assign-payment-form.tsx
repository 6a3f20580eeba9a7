'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { assignDebtorPaymentAction } from '@/lib/debtor-payments/actions';
import { idleState } from '@/lib/form-state';

/** Assigns one unmatched payment to a case by its case number. */
export function AssignPaymentForm({ paymentId, label }: { paymentId: string; label: string }) {
  const t = useTranslations('desk.payments');
  const [state, formAction, pending] = useActionState(assignDebtorPaymentAction, idleState);
  const msg = useFormMessages(state);
  const errorId = `assign-${paymentId}-error`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      <Input
        name="caseNumber"
        inputMode="numeric"
        required
        aria-label={label}
        aria-invalid={msg.field('caseNumber') ? true : undefined}
        aria-describedby={msg.field('caseNumber') ? errorId : undefined}
        defaultValue={msg.value('caseNumber')}
        className="w-32"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('assign')}
      </Button>
      <span id={errorId} role="status" className="text-sm text-red-700">
        {msg.field('caseNumber') ?? (state.status === 'success' ? msg.summary : '')}
      </span>
    </form>
  );
}
