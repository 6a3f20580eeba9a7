'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { acceptInvitationAction } from '@/lib/invitations/actions';
import { MIN_PASSWORD_LENGTH } from '@/lib/invitations/schemas';

type Props = { token: string; email: string; totpSecret: string; totpUri: string; qrSrc: string };

/** Name, password and the authenticator app, proven with a current code, before the account exists. */
export function AcceptInvitationForm({ token, email, totpSecret, totpUri, qrSrc }: Props) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(acceptInvitationAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label={t('accept.email')}>
        <Input type="email" value={email} readOnly autoComplete="username" className="bg-slate-100" />
      </Field>
      <Field label={t('accept.name')} error={msg.field('name')}>
        <Input name="name" autoComplete="name" required maxLength={200} defaultValue={msg.value('name')} />
      </Field>
      <Field label={t('accept.password')} hint={t('accept.passwordHint')} error={msg.field('password')}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={200} />
      </Field>
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t('accept.totpTitle')}</legend>
        <p className="text-sm text-slate-600">{t('accept.totpIntro')}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
        <img src={qrSrc} alt={t('accept.qrAlt')} width={200} height={200} className="rounded border border-slate-200 bg-white" />
        <Field label={t('accept.secret')}>
          <Input value={totpSecret} readOnly spellCheck={false} className="bg-slate-100 font-mono tracking-wider" />
        </Field>
        <div className="grid gap-1 text-sm">
          <span className="font-medium text-slate-800">{t('accept.uri')}</span>
          <a href={totpUri} className="break-all text-brand-700 underline">
            {totpUri}
          </a>
        </div>
        <Field label={t('accept.code')} error={msg.field('code')}>
          <Input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />
        </Field>
      </fieldset>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <Button type="submit" disabled={pending}>
        {pending ? t('accept.submitting') : t('accept.submit')}
      </Button>
    </form>
  );
}
