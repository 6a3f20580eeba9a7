import { useTranslations } from 'next-intl';
import type { CaseListRow } from '@/lib/case-list/queries';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOreNumber } from '@/lib/money';
import { CaseStatusBadge } from './case-status-badge';
import { PortalLink } from './portal-link';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const TD = 'px-3 py-2 align-top';

type Props = { rows: CaseListRow[]; locale: Locale; showCompany: boolean };

export function CaseTable({ rows, locale, showCompany }: Props) {
  const t = useTranslations('caseList');
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
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <th scope="row" className={`${TD} text-left font-medium`}>
                <PortalLink href={`/cases/${row.id}`} locale={locale} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.caseNumber}
                </PortalLink>
              </th>
              {showCompany ? <td className={TD}>{row.companyName}</td> : null}
              <td className={TD}>{row.invoiceNumbers}</td>
              <td className={TD}>{row.debtorName}</td>
              <td className={`${TD} whitespace-nowrap`}>{formatDate(row.registeredOn, locale)}</td>
              <td className={TD}>
                <CaseStatusBadge status={row.status} />
              </td>
              <td className={TD}>{t(`stage.${row.stage}`)}</td>
              <td className={`${TD} whitespace-nowrap text-right tabular-nums`}>{formatOreNumber(row.originalAmountOre, locale)}</td>
              <td className={`${TD} whitespace-nowrap text-right tabular-nums`}>{formatOreNumber(row.balanceOre, locale)}</td>
              <td className={TD}>{row.currency}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
