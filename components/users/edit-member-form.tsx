'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Link } from '@/lib/i18n/navigation';
import { idleState } from '@/lib/form-state';
import { updateMemberAccessAction } from '@/lib/users/actions';
import { CompanyCheckboxes } from './company-checkboxes';
import { RoleFieldset } from './role-fieldset';

type Props = {
  companyId: string;
  userId: string;
  role: string;
  companies: { companyId: string; companyName: string }[];
  memberOf: string[];
  hasMixedRoles: boolean;
  closeHref: string;
};

/** "Rediger": the role and the Administrator's companies (ticked where the user has access) → "Bekreft". */
export function EditMemberForm({ companyId, userId, role, companies, memberOf, hasMixedRoles, closeHref }: Props) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(updateMemberAccessAction, idleState);
  const msg = useFormMessages(state);
  const echoed = msg.value('companyIds');
  return (
    <form action={formAction} className="grid gap-5" noValidate>
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="userId" value={userId} />
      <RoleFieldset legend={t('editForm.role')} defaultRole={msg.value('role') ?? role} error={msg.field('role')} />
      {hasMixedRoles ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('editForm.mixedRoles')}</p> : null}
      <CompanyCheckboxes
        legend={t('editForm.companies')}
        hint={t('editForm.companiesHint')}
        companies={companies}
        checked={echoed !== undefined ? echoed.split(',') : memberOf}
        error={msg.field('companyIds') ?? msg.field('scope')}
        scope
      />
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('editForm.confirming') : t('editForm.confirm')}
        </Button>
        <Link href={closeHref} className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
          {t('editForm.cancel')}
        </Link>
      </div>
    </form>
  );
}
