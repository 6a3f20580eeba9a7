'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import { runSettlementAction } from '@/lib/settlements/actions';

/** Runs the settlement for one company up to a cut-off date, now (the schedule does the same weekly). */
export function RunSettlementForm({ companyId, companyName, today }: { companyId: string; companyName: string; today: string }) {
  const t = useTranslations('desk.settlements');
  const [state, formAction, pending] = useActionState(runSettlementAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="companyId" value={companyId} />
      <Input
        name="periodEndOn"
        type="date"
        required
        max={today}
        defaultValue={today}
        aria-label={t('periodEnd', { company: companyName })}
      />
      <Button type="submit" disabled={pending}>
        {t('run')}
      </Button>
      <FormStatus text={msg.field('periodEndOn') ?? msg.summary} tone={msg.tone} />
    </form>
  );
}
