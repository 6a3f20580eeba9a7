'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { signInAction } from '@/lib/auth/actions';
import { idleState } from '@/lib/form-state';

export function SignInForm() {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(signInAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <Field label={t('email')} error={msg.field('email')}>
        <Input name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={msg.value('email')} />
      </Field>
      <Field label={t('password')} error={msg.field('password')}>
        <Input name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
