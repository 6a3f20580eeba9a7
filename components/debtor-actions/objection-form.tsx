'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { fileObjectionAction } from '@/lib/debtor-actions/actions';
import { idleState } from '@/lib/form-state';
import { OBJECTION_REASONS } from '@/lib/objections/schemas';

/** Innsigelse: a reason (radio buttons), the debtor's text and files; a plain multipart form without JavaScript. */
export function ObjectionForm({ caseId }: { caseId: string }) {
  const t = useTranslations('debtorActions.object');
  const [state, formAction, pending] = useActionState(fileObjectionAction, idleState);
  const msg = useFormMessages(state);
  const reasonError = msg.field('reason');
  return (
    <form action={formAction} encType="multipart/form-data" className="grid gap-4">
      <input type="hidden" name="caseId" value={caseId} />
      <fieldset className="grid gap-2" aria-describedby={reasonError ? 'reason-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('reason')}</legend>
        {OBJECTION_REASONS.map((reason) => (
          <label key={reason} className="flex items-center gap-2 text-sm">
            <input type="radio" name="reason" value={reason} required defaultChecked={msg.value('reason') === reason} className="size-5" />
            {t(`reasons.${reason}`)}
          </label>
        ))}
        {reasonError ? (
          <p id="reason-error" className="text-sm font-medium text-red-700">
            {reasonError}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('body')} error={msg.field('body')}>
        <Textarea name="body" rows={5} required minLength={10} maxLength={4000} defaultValue={msg.value('body')} />
      </Field>
      <Field label={t('files')} hint={t('filesHint')} error={msg.field('files')}>
        <input
          type="file"
          name="files"
          multiple
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          className="block w-full text-sm"
        />
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
