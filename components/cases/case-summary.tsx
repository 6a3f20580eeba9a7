import { getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/lib/cases/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import { statusBadgeClass } from './status-badge';

/** Status, stage and dates: shown above the tabs, so both tabs carry them. */
export async function CaseSummary({ detail, locale }: { detail: CaseDetail; locale: Locale }) {
  const t = await getTranslations('cases');
  const rows = [
    { label: t('detail.status'), value: <span className={statusBadgeClass(detail.status)}>{t(`status.${detail.status}`)}</span> },
    { label: t('detail.stage'), value: t(`stage.${detail.stage}`) },
    { label: t('detail.outstandingToday'), value: formatOre(detail.claim.totalOre, locale, detail.currency) },
    { label: t('detail.registeredAt'), value: formatDate(detail.registeredAt, locale) },
    ...(detail.closedAt ? [{ label: t('detail.closedAt'), value: formatDate(detail.closedAt, locale) }] : []),
    { label: t('detail.company'), value: detail.companyName },
  ];
  return (
    <dl className="mb-6 flex flex-wrap gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white px-5 py-4 text-sm">
      {rows.map((row) => (
        <div key={row.label}>
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="font-medium text-slate-900">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
