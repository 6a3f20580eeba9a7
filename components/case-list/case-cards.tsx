import { useTranslations } from 'next-intl';
import type { CaseListRow } from '@/lib/case-list/queries';
import type { Locale } from '@/lib/i18n/routing';
import { caseCardsHtml } from './case-rows-html';
import { useRowOptions } from './use-row-options';

type Props = { rows: CaseListRow[]; locale: Locale; showCompany: boolean };

/**
 * The case list on a phone (below md; the table takes over from there): one stacked row per case with what a
 * person on the move looks for first — case number, debtor, outstanding amount and status — then the rest.
 */
export function CaseCards({ rows, locale, showCompany }: Props) {
  const t = useTranslations('caseList');
  const options = useRowOptions(locale, showCompany);
  return (
    <ul
      aria-label={t('title')}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white md:hidden"
      dangerouslySetInnerHTML={{ __html: caseCardsHtml(rows, options) }}
    />
  );
}
