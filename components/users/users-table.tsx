import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/ui/table-scroll';
import type { Role } from '@/lib/roles';
import { Link } from '@/lib/i18n/navigation';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { InvitationActions } from './invitation-actions';
import { MENU_ITEM, RowMenu } from './row-menu';

type Member = { id: string; name: string; email: string; role: Role; lastSignInAt: Date | null };
type PendingInvitation = { id: string; email: string; role: Role; expiresAt: Date; isExpired: boolean };

type Props = {
  company: { companyId: string; companyName: string };
  members: Member[];
  invitations: PendingInvitation[];
  canManage: boolean;
  locale: Locale;
};

const CELL = 'px-3 py-2 align-top';

export async function UsersTable({ company, members, invitations, canManage, locale }: Props) {
  const t = await getTranslations('users');
  return (
    <TableScroll
      label={t('tableCaption', { company: company.companyName })}
      stickyFirstColumn
      className="rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('tableCaption', { company: company.companyName })}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr className="bg-slate-50">
            <th scope="col" className={CELL}>
              {t('columns.name')}
            </th>
            <th scope="col" className={CELL}>
              {t('columns.email')}
            </th>
            <th scope="col" className={CELL}>
              {t('columns.role')}
            </th>
            <th scope="col" className={CELL}>
              {t('columns.lastSignIn')}
            </th>
            {canManage ? (
              <th scope="col" className={`${CELL} text-right`}>
                <span className="sr-only">{t('columns.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => (
            <tr key={member.id}>
              <th scope="row" className={`${CELL} font-medium`}>
                {member.name}
              </th>
              <td className={CELL}>{member.email}</td>
              <td className={CELL}>{t(`roles.${member.role}`)}</td>
              <td className={CELL}>{member.lastSignInAt ? formatDateTime(member.lastSignInAt, locale) : t('neverSignedIn')}</td>
              {canManage ? (
                <td className={`${CELL} text-right`}>
                  <RowMenu label={t('options', { name: member.name })}>
                    <Link
                      href={{ pathname: '/settings/users', query: { company: company.companyId, edit: member.id } }}
                      className={MENU_ITEM}
                    >
                      {t('edit')}
                    </Link>
                  </RowMenu>
                </td>
              ) : null}
            </tr>
          ))}
          {invitations.map((invitation) => {
            const date = formatDate(invitation.expiresAt, locale);
            return (
              <tr key={invitation.id} className="bg-slate-50/60">
                <th scope="row" className={`${CELL} font-normal italic text-slate-700`}>
                  {invitation.isExpired ? t('expired', { date }) : t('pending', { date })}
                </th>
                <td className={CELL}>{invitation.email}</td>
                <td className={CELL}>{t(`roles.${invitation.role}`)}</td>
                <td className={CELL}>{t('neverSignedIn')}</td>
                {canManage ? (
                  <td className={`${CELL} text-right`}>
                    <InvitationActions companyId={company.companyId} invitationId={invitation.id} email={invitation.email} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {members.length === 0 && invitations.length === 0 ? <p className="px-3 py-6 text-center text-slate-600">{t('empty')}</p> : null}
    </TableScroll>
  );
}
