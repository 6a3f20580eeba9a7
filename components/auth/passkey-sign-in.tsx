'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { passkeySignInAction, passkeySignInOptionsAction } from '@/lib/auth/actions';
import { idleState, type FormState } from '@/lib/form-state';

/** The second step by passkey: the browser signs the server's challenge; a cancel changes nothing. */
export function PasskeySignIn() {
  const t = useTranslations('auth');
  const [state, setState] = useState<FormState>(idleState);
  const [pending, startTransition] = useTransition();
  const msg = useFormMessages(state);

  function run() {
    startTransition(async () => {
      const options = await passkeySignInOptionsAction();
      if (!options) return setState({ status: 'error', message: 'auth.errors.passkeyFailed' });
      let response: unknown;
      try {
        response = await startAuthentication({ optionsJSON: options.options });
      } catch {
        return setState({ status: 'error', message: 'auth.errors.passkeyFailed' });
      }
      const form = new FormData();
      form.set('challengeId', options.challengeId);
      form.set('response', JSON.stringify(response));
      // On success the action redirects to the portal.
      setState(await passkeySignInAction(idleState, form));
    });
  }

  return (
    <div className="grid gap-3">
      <noscript>
        <p className="text-sm text-slate-700">{t('verifyIntroPasskey')}</p>
      </noscript>
      <Button onClick={run} disabled={pending}>
        {t('usePasskey')}
      </Button>
      <FormStatus text={msg.summary} tone={msg.tone} />
    </div>
  );
}
