'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { verifySecondFactorAction } from '@/lib/auth/actions';
import { idleState } from '@/lib/form-state';

export function VerifyCodeForm() {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(verifySecondFactorAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <Field label={t('code')} error={msg.field('code')}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending}>
        {pending ? t('verifying') : t('verify')}
      </Button>
    </form>
  );
}
