'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { reauthenticateAction } from '@/lib/auth/settings/actions';

/**
 * "Bekreft at det er deg": the password again, for ten minutes of security changes (`intro` says which).
 * `fresh`: the window is open. The page renders again as fresh once the password is confirmed, so the component
 * stays mounted (the form gone, its status region kept) for "Bekreftet" to be seen and announced.
 */
export function ReauthForm({ intro, fresh }: { intro?: string; fresh: boolean }) {
  const t = useTranslations('security');
  const [state, formAction, pending] = useActionState(reauthenticateAction, idleState);
  const msg = useFormMessages(state);
  if (fresh && state.status !== 'success') return null;
  return (
    <div className="grid max-w-md gap-3">
      {fresh ? null : (
        <form action={formAction} className="grid gap-3 rounded-md border border-amber-300 bg-amber-50 p-4" noValidate>
          <h3 className="font-semibold">{t('reauth.title')}</h3>
          <p className="text-sm text-slate-700">{intro ?? t('reauth.intro')}</p>
          <Field label={t('password.current')} error={msg.field('currentPassword')}>
            <Input name="currentPassword" type="password" autoComplete="current-password" required maxLength={200} />
          </Field>
          <div>
            <Button type="submit" disabled={pending}>
              {t('reauth.submit')}
            </Button>
          </div>
        </form>
      )}
      <FormStatus text={msg.summary} tone={msg.tone} />
    </div>
  );
}
