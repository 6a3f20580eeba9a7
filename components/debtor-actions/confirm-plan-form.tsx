'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { requestArrangementAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';

/** Bekreft: the choice the page just priced, posted as it was (the server prices it again before it starts). */
export function ConfirmPlanForm({ fields }: { fields: Record<string, string> }) {
  const t = useTranslations('debtorActions.plan');
  const [state, formAction, pending] = useActionState(requestArrangementAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormStatus text={msg.summary} tone={msg.tone} />
      {state.status === 'success' ? null : (
        <div>
          <Button type="submit" disabled={pending}>
            {t('confirm')}
          </Button>
        </div>
      )}
    </form>
  );
}
