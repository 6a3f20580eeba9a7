'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { shareDebtorMessageAction } from '@/lib/messages/actions';

/**
 * Desk: shares one debtor message with the creditor (then it is in the creditor's Historikk). Rendered for shared
 * messages too, so that after sharing, when the button is gone, the confirmation takes its place and the focus:
 * by script after a client-side submit, by the autofocus attribute on the page the server renders without one.
 */
export function ShareDebtorMessageForm({
  caseId,
  messageId,
  which,
  shared,
}: {
  caseId: string;
  messageId: string;
  which: string;
  shared: boolean;
}) {
  const t = useTranslations('caseMessages');
  const [state, formAction, pending] = useActionState(shareDebtorMessageAction, idleState);
  const msg = useFormMessages(state);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const justShared = shared && state.status === 'success';
  useEffect(() => {
    if (justShared) confirmation.current?.focus();
  }, [justShared]);
  if (shared) {
    return justShared ? (
      // The button the user pressed is gone: the focus goes to what it did.
      <p
        ref={confirmation}
        role="status"
        tabIndex={-1}
        autoFocus
        className="mt-2 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
      >
        {msg.summary}
      </p>
    ) : null;
  }
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
