'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { changeCaseStatusAction } from '@/lib/cases/actions';
import { WITHDRAW_REASON_MAX } from '@/lib/cases/schemas';
import type { CaseStatus, StatusAction } from '@/lib/cases/status-rules';
import { idleState } from '@/lib/form-state';
import { Link } from '@/lib/i18n/navigation';

type Props = { caseId: string; action: StatusAction; expectedStatus: CaseStatus };

/** The confirmation step's form: pause and resume need only the click; withdrawing asks for a reason. */
export function StatusChangeForm({ caseId, action, expectedStatus }: Props) {
  const t = useTranslations('cases');
  const [state, formAction, pending] = useActionState(changeCaseStatusAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid max-w-xl gap-4" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="expectedStatus" value={expectedStatus} />
      {action === 'withdraw' ? (
        <Field label={t('manage.reason')} hint={t('manage.reasonHint', { max: WITHDRAW_REASON_MAX })} error={msg.field('reason')}>
          <textarea
            name="reason"
            required
            maxLength={WITHDRAW_REASON_MAX}
            rows={3}
            defaultValue={msg.value('reason')}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700"
          />
        </Field>
      ) : null}
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex items-center gap-4">
        <Button type="submit" variant={action === 'withdraw' ? 'danger' : 'primary'} disabled={pending}>
          {pending ? t('manage.working') : t(`manage.${action}`)}
        </Button>
        <Link href={`/cases/${caseId}`} className="text-sm text-brand-700 underline">
          {t('manage.cancel')}
        </Link>
      </div>
    </form>
  );
}
