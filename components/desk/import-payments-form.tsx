'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { importDebtorPaymentsAction, type ImportState } from '@/lib/debtor-payments/actions';

const initial: ImportState = { status: 'idle' };

/** A bank CSV; bad lines are listed by number, and nothing is imported unless "import the valid lines" is ticked. */
export function ImportPaymentsForm() {
  const t = useTranslations('desk.payments');
  const tr = useTranslations();
  const [state, formAction, pending] = useActionState(importDebtorPaymentsAction, initial);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <Field label={t('file')} hint={t('fileHint')} error={msg.field('file')}>
        <input name="file" type="file" accept=".csv,.txt,.ocr,text/csv,text/plain" required className="text-sm" />
      </Field>
      <Field label={t('content')}>
        <textarea name="content" rows={4} className="rounded-md border border-slate-400 px-3 py-2 font-mono text-sm" />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="importValidLines" />
        {t('importValidLines')}
      </label>
      <FormStatus text={msg.summary} tone={msg.tone} />
      {state.counts ? <p className="text-sm">{t('importCounts', state.counts)}</p> : null}
      {state.lines && state.lines.length > 0 ? (
        <ul className="grid gap-1 text-sm text-red-800">
          {state.lines.map((line) => (
            <li key={line.line}>{t('lineError', { line: line.line, reason: tr(line.reason as never) })}</li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {t('import')}
      </Button>
    </form>
  );
}
