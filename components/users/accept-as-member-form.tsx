'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { acceptInvitationAsMemberAction } from '@/lib/invitations/actions';

/** "Godta invitasjonen": an existing account, signed in as the invited address, joins the companies. */
export function AcceptAsMemberForm({ token }: { token: string }) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(acceptInvitationAsMemberAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('accept.memberSubmit')}
        </Button>
      </div>
    </form>
  );
}
