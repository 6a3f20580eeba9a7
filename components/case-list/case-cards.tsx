import { useTranslations } from 'next-intl';
import type { CaseListRow } from '@/lib/case-list/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOreNumber } from '@/lib/money';
import { CaseStatusBadge } from './case-status-badge';
import { PortalLink } from './portal-link';

type Props = { rows: CaseListRow[]; locale: Locale; showCompany: boolean };

const DT = 'text-slate-600';

/**
 * The case list on a phone (below md; the table takes over from there): one stacked row per case with what a
 * person on the move looks for first — case number, debtor, outstanding amount and status — then the rest.
 */
export function CaseCards({ rows, locale, showCompany }: Props) {
  const t = useTranslations('caseList');
  return (
    <ul aria-label={t('title')} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white md:hidden">
      {rows.map((row) => (
        <li key={row.id} className="grid gap-1 px-4 py-3 text-sm">
          <div className="flex items-center justify-between gap-3">
            <PortalLink href={`/cases/${row.id}`} locale={locale} className="inline-block py-0.5 text-base font-semibold text-brand-700 underline underline-offset-2">
              {row.caseNumber}
            </PortalLink>
            <CaseStatusBadge status={row.status} />
          </div>
          <p className="font-medium break-words text-slate-900">{row.debtorName}</p>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-0.5">
            <dt className={DT}>{t('columns.outstanding')}</dt>
            <dd className="font-semibold tabular-nums">
              {formatOreNumber(row.balanceOre, locale)} {row.currency}
            </dd>
            <dt className={DT}>{t('columns.invoiceNumbers')}</dt>
            <dd className="break-words">{row.invoiceNumbers}</dd>
            <dt className={DT}>{t('columns.registered')}</dt>
            <dd>{formatDate(row.registeredOn, locale)}</dd>
            <dt className={DT}>{t('columns.stage')}</dt>
            <dd>{t(`stage.${row.stage}`)}</dd>
            {showCompany ? (
              <>
                <dt className={DT}>{t('columns.company')}</dt>
                <dd className="break-words">{row.companyName}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
