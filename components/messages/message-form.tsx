'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { idleState } from '@/lib/form-state';
import { postAgencyMessageAction, postCreditorMessageAction, replyToDebtorAction } from '@/lib/messages/actions';
import { MESSAGE_MAX } from '@/lib/messages/schemas';

const ACTION = { agency: postAgencyMessageAction, creditor: postCreditorMessageAction, debtor: replyToDebtorAction };
const LABEL = { agency: 'labelAgency', creditor: 'label', debtor: 'labelDebtor' } as const;

/** A new message on the case's thread: from the desk (`agency`), the desk's reply to the debtor, or a creditor user. */
export function MessageForm({ caseId, side }: { caseId: string; side: 'agency' | 'creditor' | 'debtor' }) {
  const t = useTranslations('caseMessages');
  const [state, formAction, pending] = useActionState(ACTION[side], idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <Field label={t(LABEL[side])} hint={t('hint', { max: MESSAGE_MAX })} error={msg.field('body')}>
        <Textarea name="body" rows={3} required maxLength={MESSAGE_MAX} defaultValue={msg.value('body')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t(side === 'debtor' ? 'sendDebtor' : 'send')}
        </Button>
      </div>
    </form>
  );
}
