import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** "Les mer om de ulike rollene her", as the help articles put it, after a short line on who may do what. */
export async function RolesNote({ text }: { text: string }) {
  const t = await getTranslations('cases');
  return (
    <p className="text-sm text-slate-600">
      {text}{' '}
      <Link href="/help/roles" className="font-medium text-brand-700 underline">
        {t('detail.rolesLink')}
      </Link>
    </p>
  );
}
