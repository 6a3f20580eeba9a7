'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { setPreferredMethodAction } from '@/lib/auth/settings/actions';
import type { Method } from '@/lib/auth/settings/schemas';
import { Select } from '@/components/ui/select';

/** "Foretrukket 2FA-metode": a dropdown of the configured methods. */
export function PreferredMethodForm({ methods, preferred }: { methods: Method[]; preferred: Method }) {
  const t = useTranslations('security');
  const [state, formAction, pending] = useActionState(setPreferredMethodAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-md gap-3" noValidate>
      <Field label={t('preferred.label')} error={msg.field('method')}>
        <Select
          name="method"
          defaultValue={msg.value('method') ?? preferred}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          {methods.map((method) => (
            <option key={method} value={method}>
              {t(`methods.${method}`)}
            </option>
          ))}
        </Select>
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('preferred.submit')}
        </Button>
      </div>
    </form>
  );
}
