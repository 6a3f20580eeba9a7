'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { regenerateRecoveryCodesAction, type RecoveryCodesState } from '@/lib/auth/settings/actions';

/** Codes shown once: as a list and as a text file (a data URL, so the download works without script). */
export function RecoveryCodeList({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations('security.recovery');
  const file = [t('fileHeading', { email }), '', ...codes].join('\n');
  return (
    <div className="grid gap-3 rounded-md border border-green-300 bg-green-50 p-4">
      <p className="text-sm font-medium">{t('showOnce')}</p>
      <ul aria-label={t('listLabel')} className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a
        href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        download="recovery-codes.txt"
        className="text-sm font-medium text-brand-700 underline"
      >
        {t('download')}
      </a>
    </div>
  );
}

/** `first`: the user has never had codes (e.g. the demo users), so the button creates them rather than replacing. */
export function RegenerateRecoveryCodes({ email, first }: { email: string; first: boolean }) {
  const t = useTranslations('security.recovery');
  const [state, formAction, pending] = useActionState<RecoveryCodesState, FormData>(regenerateRecoveryCodesAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-3">
      {state.codes ? <RecoveryCodeList codes={state.codes} email={email} /> : null}
      {first && !state.codes ? <p className="text-sm">{t('none')}</p> : null}
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {first && !state.codes ? t('create') : t('regenerate')}
        </Button>
      </div>
    </form>
  );
}
