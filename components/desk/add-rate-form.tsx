'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { addRateAction, correctRateAction } from '@/lib/desk/rates/actions';
import { RATE_KINDS } from '@/lib/desk/rates/schemas';
import { idleState } from '@/lib/form-state';

/**
 * Legg inn en sats: what it is for, from when, the figure as on paper, and where it comes from. `correction`: the
 * same fields correct a figure entered here before (Rett en sats), as a new dated entry.
 */
export function AddRateForm({ suggestedFrom, correction = false }: { suggestedFrom: string; correction?: boolean }) {
  const t = useTranslations('desk.rates');
  const [state, formAction, pending] = useActionState(correction ? correctRateAction : addRateAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-xl gap-4" noValidate>
      <Field label={t('kindLabel')} error={msg.field('kind')}>
        <Select
          name="kind"
          defaultValue={msg.value('kind') ?? 'interest'}
          className="block min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          {RATE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('validFromLabel')} hint={t('validFromHint')} error={msg.field('validFrom')}>
        <Input name="validFrom" type="date" required defaultValue={msg.value('validFrom') ?? suggestedFrom} />
      </Field>
      <Field label={t('valueLabel')} hint={t('valueHint')} error={msg.field('value')}>
        <Input name="value" inputMode="decimal" required maxLength={20} defaultValue={msg.value('value')} />
      </Field>
      <Field label={correction ? t('correctSourceLabel') : t('sourceLabel')} hint={t('sourceHint')} error={msg.field('source')}>
        <Input name="source" required maxLength={500} defaultValue={msg.value('source')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {correction ? t('correct') : t('add')}
        </Button>
      </div>
    </form>
  );
}
