import { useTranslations } from 'next-intl';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import type { RowOptions } from './case-rows-html';

/** Each distinct value translated once: a list has 50 rows but 4 statuses (a translation is not free). */
function once<K extends string>(translate: (key: K) => string): (key: K) => string {
  const done = new Map<K, string>();
  return (key) => {
    let text = done.get(key);
    if (text === undefined) done.set(key, (text = translate(key)));
    return text;
  };
}

/** What the case rows need from the page: links, and the labels translated once rather than per row. */
export function useRowOptions(locale: Locale, showCompany: boolean): RowOptions {
  const t = useTranslations('caseList');
  const casesPath = getPathname({ href: '/cases', locale });
  return {
    locale,
    showCompany,
    caseHref: (id) => `${casesPath}/${id}`,
    texts: {
      status: once((status) => t(`status.${status}`)),
      stage: once((stage) => t(`stage.${stage}`)),
      outstanding: t('columns.outstanding'),
      invoiceNumbers: t('columns.invoiceNumbers'),
      registered: t('columns.registered'),
      stageLabel: t('columns.stage'),
      company: t('columns.company'),
    },
  };
}
