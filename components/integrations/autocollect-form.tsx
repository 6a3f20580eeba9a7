'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { setAutocollectAction } from '@/lib/integrations/keys/actions';
import { idleState } from '@/lib/form-state';

/** The AutoCollect switch, saved with Lagre (works without JavaScript). */
export function AutocollectForm({ companyId, enabled }: { companyId: string; enabled: boolean }) {
  const t = useTranslations('integrations');
  const [state, formAction, pending] = useActionState(setAutocollectAction, idleState);
  const msg = useFormMessages(state);
  const checked = state.status === 'success' ? state.message === 'integrations.autocollectOn' : enabled;
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <input type="hidden" name="companyId" value={companyId} />
      <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <input
          id="autocollect-switch"
          type="checkbox"
          role="switch"
          name="autocollect"
          defaultChecked={checked}
          key={String(checked)}
          aria-describedby="autocollect-hint"
          className="mt-1 h-5 w-5 accent-brand-700"
        />
        <div>
          <label htmlFor="autocollect-switch" className="font-medium text-slate-900">
            {t('autocollect')}
          </label>
          <p id="autocollect-hint" className="text-sm text-slate-600">
            {t('autocollectHint')}
          </p>
        </div>
      </div>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
