'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { revokeApiKeyAction } from '@/lib/integrations/keys/actions';
import { idleState } from '@/lib/form-state';

/** Trekk tilbake: the key stops working at once (the next call answers 401). */
export function RevokeKeyForm({ companyId, apiKeyId, name }: { companyId: string; apiKeyId: string; name: string }) {
  const t = useTranslations('integrations');
  const [state, formAction, pending] = useActionState(revokeApiKeyAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-1">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="apiKeyId" value={apiKeyId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={t('revokeNamed', { name })}>
        {t('revoke')}
      </Button>
      {state.status === 'error' ? <p className="text-sm text-red-700">{msg.summary}</p> : null}
    </form>
  );
}
