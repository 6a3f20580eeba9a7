import { useTranslations } from 'next-intl';
import { PortalLink } from '@/components/case-list/portal-link';
import type { CaseListRow } from '@/lib/case-list/queries';
import type { Locale } from '@/lib/i18n/routing';
import { formatOreNumber } from '@/lib/money';
import { TableScroll } from '@/components/ui/table-scroll';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const TD = 'px-3 py-2 align-top';

/** The search's results on the desk: every company's cases, each opening the desk's case page. */
export function DeskCaseTable({ rows, locale }: { rows: CaseListRow[]; locale: Locale }) {
  const t = useTranslations('caseList');
  return (
    <TableScroll label={t('title')} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t('title')}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>
              {t('columns.caseNumber')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.company')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.invoiceNumbers')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.debtor')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.status')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('columns.outstanding')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${TD} text-left font-medium`}>
                <PortalLink href={`/desk/cases/${row.id}`} locale={locale} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.caseNumber}
                </PortalLink>
              </th>
              <td className={TD}>{row.companyName}</td>
              <td className={TD}>{row.invoiceNumbers}</td>
              <td className={TD}>{row.debtorName}</td>
              <td className={TD}>{t(`status.${row.status}`)}</td>
              <td className={`${TD} whitespace-nowrap text-right tabular-nums`}>{formatOreNumber(row.balanceOre, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
