'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { shareDebtorMessageAction } from '@/lib/messages/actions';

/** Desk: shares one debtor message with the creditor (then it is in the creditor's Historikk). */
export function ShareDebtorMessageForm({ caseId, messageId, which }: { caseId: string; messageId: string; which: string }) {
  const t = useTranslations('caseMessages');
  const [state, formAction, pending] = useActionState(shareDebtorMessageAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="mt-2 grid gap-2">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="messageId" value={messageId} />
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('share')}
          {/* The visible label first (speech control), then which message, for a list of such buttons. */}
          <span className="sr-only"> ({which})</span>
        </Button>
      </div>
    </form>
  );
}
