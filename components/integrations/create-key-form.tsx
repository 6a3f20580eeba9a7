'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { createApiKeyAction, type CreatedKeyState } from '@/lib/integrations/keys/actions';

const initial: CreatedKeyState = { status: 'idle' };

/** Ny API-nøkkel: a name, then the key itself, shown this once (only its prefix is kept in clear). */
export function CreateKeyForm({ companyId }: { companyId: string }) {
  const t = useTranslations('integrations');
  const [state, formAction, pending] = useActionState(createApiKeyAction, initial);
  const msg = useFormMessages(state);
  return (
    <div className="grid gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="companyId" value={companyId} />
        <div className="min-w-64 flex-1">
          <Field label={t('keyName')} hint={t('keyNameHint')} error={msg.field('name')}>
            <Input name="name" maxLength={60} required defaultValue={state.createdKey ? '' : msg.value('name')} autoComplete="off" />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {t('createKey')}
        </Button>
      </form>
      {state.createdKey ? (
        <div className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4" role="status">
          <p className="font-semibold text-slate-900">{t('createdTitle', { name: state.createdKey.name })}</p>
          <p className="text-sm text-slate-800">{t('createdOnce')}</p>
          <label htmlFor="created-key" className="text-sm font-medium text-slate-800">
            {t('theKey')}
          </label>
          <input
            id="created-key"
            readOnly
            value={state.createdKey.key}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm break-all"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : (
        <FormStatus text={msg.summary} tone={msg.tone} />
      )}
    </div>
  );
}
