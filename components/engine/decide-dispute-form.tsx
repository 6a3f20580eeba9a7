'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { decideDisputeAction, deskDecideDisputeAction } from '@/lib/engine/actions';
import { DISPUTE_REASON_MAX } from '@/lib/engine/schemas';
import { idleState } from '@/lib/form-state';

/** Answers an open dispute in the debtor's favour: wholly, or partly with the amount not owed (lib/engine/dispute-decision.ts). */
export function DecideDisputeForm({ caseId, side }: { caseId: string; side: 'agency' | 'creditor' }) {
  const t = useTranslations('engine.decide');
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(side === 'agency' ? deskDecideDisputeAction : decideDisputeAction, idleState);
  const msg = useFormMessages(state);
  const outcome = msg.value('outcome') ?? 'partly';
  return (
    <details className="rounded-md border border-slate-200 p-3" open={state.status !== 'idle'}>
      <summary className="cursor-pointer font-medium text-brand-700">{t('heading')}</summary>
      <form action={formAction} className="mt-3 grid gap-3">
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="locale" value={locale} />
        <fieldset className="grid gap-1" aria-describedby={msg.field('outcome') ? `${caseId}-outcome-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('outcome')}</legend>
          {(['partly', 'debtor'] as const).map((value) => (
            <label key={`${value}-${outcome}`} className="flex items-center gap-2 text-sm">
              <input type="radio" name="outcome" value={value} defaultChecked={outcome === value} required className="h-4 w-4" />
              {t(value)}
            </label>
          ))}
          {msg.field('outcome') ? (
            <p id={`${caseId}-outcome-error`} className="text-sm font-medium text-red-700">
              {msg.field('outcome')}
            </p>
          ) : null}
        </fieldset>
        <Field label={t('notOwed')} hint={t('notOwedHint')} error={msg.field('notOwed')}>
          <Input name="notOwed" inputMode="decimal" maxLength={40} autoComplete="off" defaultValue={msg.value('notOwed')} />
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="costsWaived"
            defaultChecked={msg.value('costsWaived') !== undefined ? msg.value('costsWaived') === 'on' : true}
            className="mt-1 h-4 w-4"
          />
          {t('costsWaived')}
        </label>
        <Field label={t('reason')} error={msg.field('reason')}>
          <Textarea name="reason" rows={2} required maxLength={DISPUTE_REASON_MAX} defaultValue={msg.value('reason')} />
        </Field>
        <FormStatus text={msg.summary} tone={msg.tone} />
        <div>
          <Button type="submit" disabled={pending}>
            {t('submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}
