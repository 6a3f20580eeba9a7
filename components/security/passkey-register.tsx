'use client';

import { startRegistration } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState, type FormState } from '@/lib/form-state';
import { passkeyRegistrationOptionsAction, registerPasskeyAction } from '@/lib/auth/passkeys/actions';

/** "Legg til passnøkkel": the WebAuthn ceremony runs in the browser, so this one form needs script. */
export function PasskeyRegister() {
  const t = useTranslations('security.passkeys');
  const router = useRouter();
  const [state, setState] = useState<FormState>(idleState);
  const [pending, startTransition] = useTransition();
  const msg = useFormMessages(state);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    startTransition(async () => {
      const options = await passkeyRegistrationOptionsAction();
      if (!options.ok) return setState({ status: 'error', message: options.message, values: { name } });
      let response: unknown;
      try {
        response = await startRegistration({ optionsJSON: options.options });
      } catch {
        // Cancelled, timed out or refused by the authenticator: nothing was stored.
        return setState({ status: 'error', message: 'security.passkeys.failed', values: { name } });
      }
      const form = new FormData();
      form.set('challengeId', options.challengeId);
      form.set('name', name);
      form.set('response', JSON.stringify(response));
      const result = await registerPasskeyAction(idleState, form);
      setState(result);
      if (result.status === 'success') router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="grid max-w-md gap-3" noValidate>
      <noscript>
        <p className="text-sm text-slate-700">{t('needsJs')}</p>
      </noscript>
      <Field label={t('name')} error={msg.field('name')}>
        <Input name="name" required maxLength={60} placeholder={t('namePlaceholder')} defaultValue={msg.value('name')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('add')}
        </Button>
      </div>
    </form>
  );
}
