'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { updateProfileAction } from '@/lib/users/actions';

export function ProfileForm({ name, phone }: { name: string; phone: string }) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(updateProfileAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <Field label={t('profile.name')} error={msg.field('name')}>
        <Input name="name" autoComplete="name" required maxLength={200} defaultValue={msg.value('name') ?? name} />
      </Field>
      <Field label={t('profile.phone')} hint={t('profile.phoneHint')} error={msg.field('phone')}>
        <Input name="phone" type="tel" autoComplete="tel" maxLength={40} defaultValue={msg.value('phone') ?? phone} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('profile.saving') : t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
