'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { otherLocale } from '@/lib/i18n/routing';

/** Norsk / English on Min side: the same page in the other language (a plain link, so it works without JavaScript). */
export function LocaleSwitch() {
  const t = useTranslations('minSide');
  const pathname = usePathname();
  const other = otherLocale(useLocale() as 'nb' | 'en');
  return (
    <Link href={pathname} locale={other} hrefLang={other} lang={other} className="text-sm text-brand-700 underline">
      {t('languageLink')}
    </Link>
  );
}
