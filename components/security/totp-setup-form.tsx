'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { confirmTotpAction } from '@/lib/auth/settings/actions';

type Props = { secret: string; qrSrc: string; replacing: boolean };

/** The QR code (rendered on the server) and the key as text; saved only with a valid code from it. */
export function TotpSetupForm({ secret, qrSrc, replacing }: Props) {
  const t = useTranslations('security.totp');
  const [state, formAction, pending] = useActionState(confirmTotpAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {replacing ? <p className="text-sm text-slate-700">{t('replaceNote')}</p> : null}
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
      <img src={qrSrc} alt={t('qrAlt')} width={200} height={200} className="rounded border border-slate-200 bg-white" />
      <Field label={t('secret')}>
        <Input value={secret} readOnly spellCheck={false} className="bg-slate-100 font-mono tracking-wider" data-testid="totp-secret" />
      </Field>
      <Field label={t('code')} error={msg.field('code')}>
        <Input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
