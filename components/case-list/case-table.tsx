import { useTranslations } from 'next-intl';
import type { CaseListRow } from '@/lib/case-list/queries';
import { TableScroll } from '@/components/ui/table-scroll';
import type { Locale } from '@/lib/i18n/routing';
import { caseRowsHtml, ROWS_CLASS } from './case-rows-html';
import { useRowOptions } from './use-row-options';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
// From md the first column stays in view while the table scrolls sideways in its box (TableScroll's
// stickyFirstColumn, but only where the rows are a table: below md they are cards).
const STICKY_FIRST_COLUMN =
  'md:[&_tr>:first-child]:sticky md:[&_tr>:first-child]:left-0 md:[&_tr>:first-child]:z-10 md:[&_tbody_tr>:first-child]:bg-white md:[&_thead_tr>:first-child]:bg-inherit';

type Props = { rows: CaseListRow[]; locale: Locale; showCompany: boolean };

export function CaseTable({ rows, locale, showCompany }: Props) {
  const t = useTranslations('caseList');
  const options = useRowOptions(locale, showCompany);
  return (
    // One markup for every screen: below md the rows are cards (ROWS_CLASS) and the head is for screen readers only;
    // between md and a wide screen the table scrolls in its own box.
    <TableScroll label={t('title')} className={`rounded-lg border border-slate-200 bg-white ${STICKY_FIRST_COLUMN}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm max-md:block">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="max-md:sr-only">
          <tr className="bg-slate-50">
            <th scope="col" className={TH}>
              {t('columns.caseNumber')}
            </th>
            {showCompany ? (
              <th scope="col" className={TH}>
                {t('columns.company')}
              </th>
            ) : null}
            <th scope="col" className={TH}>
              {t('columns.invoiceNumbers')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.debtor')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.registered')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.status')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.stage')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('columns.originalAmount')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('columns.outstanding')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.currency')}
            </th>
          </tr>
        </thead>
        <tbody className={ROWS_CLASS} dangerouslySetInnerHTML={{ __html: caseRowsHtml(rows, options).html }} />
      </table>
    </TableScroll>
  );
}
