import { useTranslations } from 'next-intl';
import { HELP_PATH } from '@/lib/help/articles';
import { Link } from '@/lib/i18n/navigation';
import { LINK_CLASS } from './rich-tags';

export function BackToHelp() {
  const t = useTranslations('help');
  return (
    <p className="mb-4 text-sm">
      <Link href={HELP_PATH} className={LINK_CLASS}>
        <span aria-hidden="true">← </span>
        {t('backToHelp')}
      </Link>
    </p>
  );
}
