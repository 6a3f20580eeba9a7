'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { postDebtorMessageAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';

export function DebtorMessageForm({ caseId }: { caseId: string }) {
  const t = useTranslations('debtorActions.messages');
  const [state, formAction, pending] = useActionState(postDebtorMessageAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="caseId" value={caseId} />
      <Field label={t('body')} error={msg.field('body')}>
        <Textarea name="body" rows={5} required maxLength={4000} defaultValue={state.status === 'error' ? msg.value('body') : undefined} />
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
