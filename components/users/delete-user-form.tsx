'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Link } from '@/lib/i18n/navigation';
import { idleState } from '@/lib/form-state';
import { deleteUserAction } from '@/lib/users/actions';

/** The confirmation step of "Slett bruker", rendered by the server as its own view. */
export function DeleteUserForm({
  companyId,
  userId,
  name,
  email,
  closeHref,
}: {
  companyId: string;
  userId: string;
  name: string;
  email: string;
  closeHref: string;
}) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(deleteUserAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-800">{t('deleteForm.body', { name, email })}</p>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t('deleteForm.deleting') : t('deleteForm.confirm')}
        </Button>
        <Link href={closeHref} className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {t('deleteForm.cancel')}
        </Link>
      </div>
    </form>
  );
}
