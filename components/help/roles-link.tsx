import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { ROLES_PATH } from '@/lib/help/articles';
import { LINK_CLASS } from './rich-tags';

/** "Les mer om de ulike rollene her": for any page that mentions roles (server or client component). */
export function RolesLink({ className = LINK_CLASS }: { className?: string }) {
  const t = useTranslations('help');
  return (
    <Link href={ROLES_PATH} className={className}>
      {t('readAboutRoles')}
    </Link>
  );
}
