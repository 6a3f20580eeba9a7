'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { signInWithLetterCodeAction } from '@/lib/debtors/actions';
import { idleState } from '@/lib/form-state';

/** Min side without BankID: the case number and the code printed on the letter. */
export function LetterSignInForm() {
  const t = useTranslations('minSide.signIn');
  const [state, formAction, pending] = useActionState(signInWithLetterCodeAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <Field label={t('caseNumber')} error={msg.field('caseNumber')}>
        <Input name="caseNumber" inputMode="numeric" autoComplete="off" required maxLength={12} defaultValue={msg.value('caseNumber')} />
      </Field>
      <Field label={t('code')} hint={t('codeHint')} error={msg.field('code')}>
        <Input name="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required maxLength={20} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
