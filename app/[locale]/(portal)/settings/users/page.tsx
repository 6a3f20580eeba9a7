import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { EmptyState } from '@/components/layout/empty-state';
import { CompanySelect } from '@/components/users/company-select';
import { DeleteUserDialog, EditUserDialog, InviteDialog } from '@/components/users/user-dialogs';
import { UsersTable } from '@/components/users/users-table';
import { requireSignedIn } from '@/lib/auth/gate';
import { administeredCompanies, getActiveCompanyId, listMyMemberships, requireRole } from '@/lib/auth/gate';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { listPendingInvitations } from '@/lib/invitations/queries';
import { parseNotice } from '@/lib/users/notices';
import { getMemberForEdit, listCompanyMembers } from '@/lib/users/queries';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

function param(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function userIdParam(value: string | string[] | undefined): string | null {
  const parsed = z.uuid().safeParse(param(value));
  return parsed.success ? parsed.data : null;
}

export default async function UsersPage(props: PageProps<'/[locale]/settings/users'>) {
  return (
    <ClientMessages paths={['auth.errors', 'invoices.errors', 'reports.columns', 'reports.pdf', 'security.password', 'users']}>
      {await usersPageContent(props)}
    </ClientMessages>
  );
}

async function usersPageContent({ params, searchParams }: PageProps<'/[locale]/settings/users'>) {
  const locale = await enterLocale(params);
  const user = await requireSignedIn();
  const query = await searchParams;
  const t = await getTranslations('users');
  const mine = await listMyMemberships(user.userId);
  const requested = param(query.company) ?? (await getActiveCompanyId());
  // A company the user no longer belongs to (removed meanwhile) falls back to their first one.
  const company = mine.find((m) => m.companyId === requested) ?? mine[0];
  if (!company) {
    return (
      <section>
        <h2 className="mb-4 text-xl font-semibold">{t('title')}</h2>
        <EmptyState text={t('noCompanies')} />
      </section>
    );
  }

  const actor = await requireRole(company.companyId, 'read');
  const canManage = actor.role === 'admin';
  const [members, invitations, administered] = await Promise.all([
    listCompanyMembers(company.companyId),
    listPendingInvitations(company.companyId),
    canManage ? administeredCompanies() : Promise.resolve([]),
  ]);
  const closeHref = `/settings/users?company=${company.companyId}`;
  const notice = parseNotice(query.notice);
  const editId = canManage ? userIdParam(query.edit) : null;
  const deleteId = canManage ? userIdParam(query.delete) : null;
  const administeredIds = administered.map((c) => c.companyId);
  const target = (editId ?? deleteId) ? await getMemberForEdit(company.companyId, editId ?? deleteId ?? '', administeredIds) : null;

  return (
    <section className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold">{t('title')}</h2>
          <p className="text-sm text-slate-600">
            {t('intro')}{' '}
            <Link href="/help/roles" className="text-brand-700 underline">
              {t('rolesLink')}
            </Link>
          </p>
        </div>
        <CompanySelect companies={mine} selectedId={company.companyId} />
      </div>
      {notice ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t(`notices.${notice}`)}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h3 className="min-w-0 text-lg font-semibold break-words">{company.companyName}</h3>
        {canManage ? (
          <Link
            href={{ pathname: '/settings/users', query: { company: company.companyId, invite: '1' } }}
            className="shrink-0 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-900"
          >
            {t('invite')}
          </Link>
        ) : (
          <p className="text-sm text-slate-600">{t('readOnlyNote')}</p>
        )}
      </div>
      <UsersTable company={company} members={members} invitations={invitations} canManage={canManage} locale={locale} />
      {canManage && query.invite === '1' ? (
        <InviteDialog companyId={company.companyId} administered={administered} defaultLocale={user.locale} closeHref={closeHref} />
      ) : null}
      {editId ? (
        <EditUserDialog
          companyId={company.companyId}
          target={target}
          administered={administered}
          isSelf={editId === user.userId}
          closeHref={closeHref}
        />
      ) : null}
      {deleteId && !editId ? (
        <DeleteUserDialog companyId={company.companyId} target={deleteId === user.userId ? null : target} closeHref={closeHref} />
      ) : null}
    </section>
  );
}
