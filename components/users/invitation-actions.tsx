'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { FormStatus } from '@/components/ui/form-status';
import { resendInvitationAction, revokeInvitationAction } from '@/lib/invitations/actions';
import { idleState } from '@/lib/form-state';
import { MENU_ITEM, RowMenu } from './row-menu';

/** "⋮" on a pending invitation: resend (new link, new expiry) or revoke. */
export function InvitationActions({ companyId, invitationId, email }: { companyId: string; invitationId: string; email: string }) {
  const t = useTranslations('users');
  const [resendState, resend, resending] = useActionState(resendInvitationAction, idleState);
  const [revokeState, revoke, revoking] = useActionState(revokeInvitationAction, idleState);
  const resendMsg = useFormMessages(resendState);
  const revokeMsg = useFormMessages(revokeState);
  const refusal = revokeMsg.summary ?? resendMsg.summary;
  return (
    <>
      <RowMenu label={t('invitation.options', { email })}>
        {[
          { action: resend, label: t('invitation.resend'), pending: resending },
          { action: revoke, label: t('invitation.revoke'), pending: revoking },
        ].map((item) => (
          <form key={item.label} action={item.action}>
            <input type="hidden" name="companyId" value={companyId} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <button type="submit" className={MENU_ITEM} disabled={item.pending}>
              {item.label}
            </button>
          </form>
        ))}
      </RowMenu>
      <FormStatus text={refusal} tone={refusal ? 'error' : 'idle'} />
    </>
  );
}
