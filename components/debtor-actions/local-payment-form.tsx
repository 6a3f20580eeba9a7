'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { decideLocalPaymentAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';

/** The demo provider's two buttons: approve or decline (the same form, the button's value decides). */
export function LocalPaymentForm({ reference }: { reference: string }) {
  const t = useTranslations('debtorActions.demoPayment');
  const [state, formAction, pending] = useActionState(decideLocalPaymentAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="reference" value={reference} />
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" disabled={pending}>
          {t('approve')}
        </Button>
        <Button type="submit" name="decision" value="decline" disabled={pending}>
          {t('decline')}
        </Button>
      </div>
    </form>
  );
}
