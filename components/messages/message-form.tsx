'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { idleState } from '@/lib/form-state';
import { postAgencyMessageAction, postCreditorMessageAction } from '@/lib/messages/actions';
import { MESSAGE_MAX } from '@/lib/messages/schemas';

/** A new message on the case's thread: from the desk (`agency`) or from a creditor user in Historikk. */
export function MessageForm({ caseId, side }: { caseId: string; side: 'agency' | 'creditor' }) {
  const t = useTranslations('caseMessages');
  const [state, formAction, pending] = useActionState(side === 'agency' ? postAgencyMessageAction : postCreditorMessageAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <Field label={t(side === 'agency' ? 'labelAgency' : 'label')} hint={t('hint', { max: MESSAGE_MAX })} error={msg.field('body')}>
        <Textarea name="body" rows={3} required maxLength={MESSAGE_MAX} defaultValue={msg.value('body')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('send')}
        </Button>
      </div>
    </form>
  );
}
