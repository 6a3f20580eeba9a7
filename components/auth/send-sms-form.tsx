'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { sendSignInSmsAction } from '@/lib/auth/actions';
import { idleState } from '@/lib/form-state';

export function SendSmsForm() {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(sendSignInSmsAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-2">
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('sendSms')}
        </Button>
      </div>
      <FormStatus text={msg.summary} tone={msg.tone} />
    </form>
  );
}
