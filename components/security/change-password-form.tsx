'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { changePasswordAction } from '@/lib/auth/settings/actions';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations('security.password');
  const [state, formAction, pending] = useActionState(changePasswordAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      {/* For password managers: the account whose password changes. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field label={t('current')} error={msg.field('currentPassword')}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required maxLength={200} />
      </Field>
      <Field label={t('new')} hint={t('hint')} error={msg.field('newPassword')}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} />
      </Field>
      <Field label={t('confirm')} error={msg.field('confirmPassword')}>
        <Input name="confirmPassword" type="password" autoComplete="new-password" required maxLength={200} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('submitting') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
