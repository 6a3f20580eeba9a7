import { useTranslations } from 'next-intl';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { remembered } from '@/lib/remembered';
import type { RowOptions } from './case-rows-html';

/** What the case rows need from the page: links, and the labels translated once rather than per row. */
export function useRowOptions(locale: Locale, showCompany: boolean): RowOptions {
  const t = useTranslations('caseList');
  const casesPath = getPathname({ href: '/cases', locale });
  return {
    locale,
    showCompany,
    caseHref: (id) => `${casesPath}/${id}`,
    texts: {
      // Each distinct value translated once: a list has 50 rows but 4 statuses.
      status: remembered((status) => t(`status.${status}`)),
      stage: remembered((stage) => t(`stage.${stage}`)),
      outstanding: t('columns.outstanding'),
      invoiceNumbers: t('columns.invoiceNumbers'),
      registered: t('columns.registered'),
      stageLabel: t('columns.stage'),
      company: t('columns.company'),
    },
  };
}
