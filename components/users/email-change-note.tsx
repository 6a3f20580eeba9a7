import { getTranslations } from 'next-intl/server';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Link } from '@/lib/i18n/navigation';

/**
 * The email address, read-only, where a user looks to change it: it cannot be changed; invite the new address
 * and delete the user with the old one. Administrators get a shortcut to the invite form for the company.
 */
export async function EmailChangeNote({ email, inviteCompanyId }: { email: string; inviteCompanyId: string | null }) {
  const t = await getTranslations('users');
  return (
    <div className="grid gap-1">
      <Field label={t('columns.email')} hint={t('emailNote.body')}>
        <Input type="email" value={email} readOnly className="bg-slate-100" />
      </Field>
      {inviteCompanyId ? (
        <Link
          href={{ pathname: '/settings/users', query: { company: inviteCompanyId, invite: '1' } }}
          className="text-sm font-medium text-brand-700 underline"
        >
          {t('emailNote.invite')}
        </Link>
      ) : (
        <p className="text-sm text-slate-600">{t('emailNote.askAdmin')}</p>
      )}
    </div>
  );
}
