'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { confirmSmsAction, sendSmsSetupCodeAction } from '@/lib/auth/settings/actions';

/** Step 1: the number, which gets a code; step 2: the code, which confirms the number. */
export function SmsSetupForms({ defaultPhone }: { defaultPhone: string }) {
  const t = useTranslations('security.sms');
  const [sendState, sendAction, sending] = useActionState(sendSmsSetupCodeAction, idleState);
  const [confirmState, confirmAction, confirming] = useActionState(confirmSmsAction, idleState);
  const sent = useFormMessages(sendState);
  const confirmed = useFormMessages(confirmState);
  return (
    <div className="grid max-w-md gap-6">
      <form action={sendAction} className="grid gap-3" noValidate>
        <Field label={t('phone')} hint={t('phoneHint')} error={sent.field('phone')}>
          <Input
            name="phone"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            required
            maxLength={30}
            defaultValue={sent.value('phone') ?? defaultPhone}
          />
        </Field>
        <FormStatus text={sent.summary} tone={sent.tone} />
        <div>
          <Button type="submit" variant="secondary" disabled={sending}>
            {t('send')}
          </Button>
        </div>
      </form>
      <form action={confirmAction} className="grid gap-3" noValidate>
        <Field label={t('code')} error={confirmed.field('code')}>
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
        </Field>
        <FormStatus text={confirmed.summary} tone={confirmed.tone} />
        <div>
          <Button type="submit" disabled={confirming}>
            {t('confirm')}
          </Button>
        </div>
      </form>
    </div>
  );
}
