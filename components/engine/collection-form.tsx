'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { creditorCollectionAction, deskCollectionAction } from '@/lib/engine/actions';
import { idleState } from '@/lib/form-state';
import { DISPUTE_REASON_MAX } from '@/lib/engine/schemas';

type Props = { caseId: string; side: 'agency' | 'creditor'; disputed: boolean; legalConfirmed: boolean };

/** The dispute (with a reason) or its confirmation; on the desk also the legal confirmation and a run now. */
export function CollectionForm({ caseId, side, disputed, legalConfirmed }: Props) {
  const t = useTranslations('engine');
  const [state, formAction, pending] = useActionState(side === 'agency' ? deskCollectionAction : creditorCollectionAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="caseId" value={caseId} />
      {disputed ? null : (
        <Field label={t('reason')} error={msg.field('reason')}>
          <Textarea name="reason" rows={2} maxLength={DISPUTE_REASON_MAX} defaultValue={msg.value('reason')} />
        </Field>
      )}
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value={disputed ? 'resolveDispute' : 'dispute'} disabled={pending}>
          {t(disputed ? 'resolveDispute' : 'dispute')}
        </Button>
        {side === 'agency' && !legalConfirmed ? (
          <Button type="submit" name="intent" value="confirmLegal" disabled={pending}>
            {t('confirmLegal')}
          </Button>
        ) : null}
        {side === 'agency' ? (
          <Button type="submit" name="intent" value="run" disabled={pending}>
            {t('run')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
