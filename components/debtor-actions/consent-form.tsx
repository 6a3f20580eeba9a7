'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { changeLetterConsentAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';

/** Brev i Min side: the terms as written, the channel and address, and a box to tick; or withdrawing it. */
export function ConsentForm({ hasConsent }: { hasConsent: boolean }) {
  const t = useTranslations('debtorActions.consent');
  const [state, formAction, pending] = useActionState(changeLetterConsentAction, idleState);
  const msg = useFormMessages(state);
  const channel = msg.value('channel') ?? 'email';
  return (
    <div className="grid gap-6">
      <form action={formAction} className="grid gap-4">
        <input type="hidden" name="intent" value="grant" />
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">{t('terms')}</p>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t('channel')}</legend>
          {(['email', 'sms'] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="channel" value={value} defaultChecked={channel === value} className="size-5" />
              {t(value)}
            </label>
          ))}
        </fieldset>
        <Field label={t('address')} error={msg.field('address') ?? msg.field('channel')}>
          <Input name="address" required maxLength={200} autoComplete="email" defaultValue={msg.value('address')} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="agree" className="size-5" aria-invalid={msg.field('agree') ? true : undefined} />
          {t('agree')}
        </label>
        {msg.field('agree') ? <p className="text-sm font-medium text-red-700">{msg.field('agree')}</p> : null}
        <FormStatus text={msg.summary} tone={msg.tone} />
        <div>
          <Button type="submit" disabled={pending}>
            {t('grant')}
          </Button>
        </div>
      </form>
      {hasConsent ? (
        <form action={formAction}>
          <input type="hidden" name="intent" value="withdraw" />
          <Button type="submit" disabled={pending}>
            {t('withdraw')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
