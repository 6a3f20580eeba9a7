import { getTranslations } from 'next-intl/server';
import { statusBadgeClass } from '@/components/cases/status-badge';
import type { ClaimToday } from '@/lib/cases/claim-today';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';

type Row = {
  id: string;
  caseNumber: number;
  status: 'active' | 'paused' | 'withdrawn' | 'closed';
  currency: string;
  creditorName: string;
  debtorName: string;
  claim: ClaimToday;
};

/** The debtor's cases as cards (one column on a phone): creditor, who the debtor is, status and today's amount. */
export async function DebtorCaseList({ rows, locale }: { rows: Row[]; locale: Locale }) {
  const t = await getTranslations();
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t('minSide.list.empty')}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-2 text-lg font-semibold">
            <Link href={`/min-side/cases/${row.id}`} className="text-brand-700 underline">
              {t('minSide.list.open', { caseNumber: String(row.caseNumber) })}
            </Link>
          </h2>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('minSide.list.creditor')}</dt>
            <dd className="wrap-anywhere">{row.creditorName}</dd>
            <dt className="text-slate-600">{t('minSide.list.debtor')}</dt>
            <dd className="wrap-anywhere">{row.debtorName}</dd>
            <dt className="text-slate-600">{t('minSide.list.status')}</dt>
            <dd>
              <span className={statusBadgeClass(row.status)}>{t(`cases.status.${row.status}`)}</span>
            </dd>
            <dt className="text-slate-600">{t('minSide.list.outstanding')}</dt>
            <dd className="font-semibold tabular-nums">{formatOre(row.claim.totalOre, locale, row.currency)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
