import { useTranslations } from 'next-intl';
import type { CaseListRow } from '@/lib/case-list/queries';
import { TableScroll } from '@/components/ui/table-scroll';
import type { Locale } from '@/lib/i18n/routing';
import { caseTableRowsHtml, TABLE_BODY_CLASS } from './case-rows-html';
import { useRowOptions } from './use-row-options';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';

type Props = { rows: CaseListRow[]; locale: Locale; showCompany: boolean };

export function CaseTable({ rows, locale, showCompany }: Props) {
  const t = useTranslations('caseList');
  const options = useRowOptions(locale, showCompany);
  return (
    // Below md the list shows as CaseCards instead; between md and a wide screen the table scrolls in its own box.
    <TableScroll label={t('title')} stickyFirstColumn className="hidden rounded-lg border border-slate-200 bg-white md:block">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className={TH}>{t('columns.caseNumber')}</th>
            {showCompany ? <th scope="col" className={TH}>{t('columns.company')}</th> : null}
            <th scope="col" className={TH}>{t('columns.invoiceNumbers')}</th>
            <th scope="col" className={TH}>{t('columns.debtor')}</th>
            <th scope="col" className={TH}>{t('columns.registered')}</th>
            <th scope="col" className={TH}>{t('columns.status')}</th>
            <th scope="col" className={TH}>{t('columns.stage')}</th>
            <th scope="col" className={`${TH} text-right`}>{t('columns.originalAmount')}</th>
            <th scope="col" className={`${TH} text-right`}>{t('columns.outstanding')}</th>
            <th scope="col" className={TH}>{t('columns.currency')}</th>
          </tr>
        </thead>
        <tbody className={TABLE_BODY_CLASS} dangerouslySetInnerHTML={{ __html: caseTableRowsHtml(rows, options) }} />
      </table>
    </TableScroll>
  );
}
