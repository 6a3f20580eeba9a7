import { getTranslations } from 'next-intl/server';
import type { Role } from '@/lib/roles';
import { Link } from '@/lib/i18n/navigation';
import { DeleteUserForm } from './delete-user-form';
import { EditMemberForm } from './edit-member-form';
import { EmailChangeNote } from './email-change-note';
import { InviteForm } from './invite-form';
import { PageDialog } from './page-dialog';

type Company = { companyId: string; companyName: string };
type Target = { id: string; name: string; email: string; memberships: { companyId: string; role: Role }[] };

export async function InviteDialog({
  companyId,
  administered,
  defaultLocale,
  closeHref,
}: {
  companyId: string;
  administered: Company[];
  defaultLocale: string;
  closeHref: string;
}) {
  const t = await getTranslations('users');
  return (
    <PageDialog title={t('inviteForm.title')} closeHref={closeHref} closeLabel={t('close')}>
      <InviteForm companyId={companyId} companies={administered} defaultLocale={defaultLocale} />
    </PageDialog>
  );
}

/** "Rediger": a view of its own (?edit=<userId>), so it works without JavaScript. */
export async function EditUserDialog(props: {
  companyId: string;
  target: Target | null;
  administered: Company[];
  isSelf: boolean;
  closeHref: string;
}) {
  const { companyId, target, administered, isSelf, closeHref } = props;
  const t = await getTranslations('users');
  if (!target) {
    return (
      <PageDialog title={t('editForm.title')} closeHref={closeHref} closeLabel={t('close')}>
        <p role="alert" className="text-sm text-red-800">
          {t('errors.userNotFound')}
        </p>
      </PageDialog>
    );
  }
  const role = target.memberships.find((m) => m.companyId === companyId)?.role ?? 'read';
  const roles = new Set(target.memberships.map((m) => m.role));
  return (
    <PageDialog title={`${t('editForm.title')}: ${target.name}`} closeHref={closeHref} closeLabel={t('close')}>
      <div className="grid gap-6">
        <EmailChangeNote email={target.email} inviteCompanyId={companyId} />
        <EditMemberForm
          companyId={companyId}
          userId={target.id}
          role={role}
          companies={administered}
          memberOf={target.memberships.map((m) => m.companyId)}
          hasMixedRoles={roles.size > 1}
          closeHref={closeHref}
        />
        {isSelf ? null : (
          <div className="border-t border-slate-200 pt-4">
            <Link
              href={{ pathname: '/settings/users', query: { company: companyId, delete: target.id } }}
              className="text-sm font-medium text-red-700 underline"
            >
              {t('editForm.deleteUser')}
            </Link>
          </div>
        )}
      </div>
    </PageDialog>
  );
}

/** The confirmation step of "Slett bruker" (?delete=<userId>). */
export async function DeleteUserDialog({ companyId, target, closeHref }: { companyId: string; target: Target | null; closeHref: string }) {
  const t = await getTranslations('users');
  return (
    <PageDialog title={t('deleteForm.title')} closeHref={closeHref} closeLabel={t('close')}>
      {target ? (
        <DeleteUserForm companyId={companyId} userId={target.id} name={target.name} email={target.email} closeHref={closeHref} />
      ) : (
        <p role="alert" className="text-sm text-red-800">
          {t('errors.userNotFound')}
        </p>
      )}
    </PageDialog>
  );
}
