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

/** The second step by a code: from the app, from an SMS, or a recovery code. */
export function VerifyCodeForm({ method = 'totp' }: { method?: 'totp' | 'sms' | 'recovery' }) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(verifySecondFactorAction, idleState);
  const msg = useFormMessages(state);
  const recovery = method === 'recovery';
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="method" value={method} />
      <Field label={recovery ? t('recoveryCode') : t('code')} error={msg.field('code')}>
        {recovery ? (
          <Input name="code" autoComplete="off" spellCheck={false} maxLength={20} required autoFocus className="font-mono" />
        ) : (
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus />
        )}
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending}>
        {pending ? t('verifying') : t('verify')}
      </Button>
    </form>
  );
}
