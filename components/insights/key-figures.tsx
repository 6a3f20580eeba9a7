import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { getKeyFigures } from '@/lib/insights/queries';
import { formatOre } from '@/lib/money';
import { CollectedChart } from './collected-chart';

/** Key figures for the chosen companies, after the task list (beside it on a wide screen; in its own Suspense boundary). */
export async function KeyFigures({ companyIds, today, locale }: { companyIds: readonly string[]; today: string; locale: Locale }) {
  const t = await getTranslations('insights.figures');
  const figures = await getKeyFigures(companyIds, today);
  const percent = new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const items = [
    { label: t('activeCases'), value: new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB').format(figures.activeCases) },
    { label: t('outstanding'), value: formatOre(figures.outstandingOre, locale) },
    { label: t('collectedMonth'), value: formatOre(figures.collectedThisMonthOre, locale) },
    { label: t('collectedYear'), value: formatOre(figures.collectedThisYearOre, locale) },
    { label: t('paidShare'), value: figures.paidShare == null ? '–' : percent.format(figures.paidShare) },
    { label: t('daysToPayment'), value: figures.averageDaysToPayment == null ? '–' : t('days', { count: figures.averageDaysToPayment }) },
  ];
  return (
    <section aria-labelledby="figures-heading" className="grid min-w-0 gap-3">
      <h2 id="figures-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-2">
        {items.map((item) => (
          <div key={item.label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs font-medium text-slate-600">{item.label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{item.value}</dd>
          </div>
        ))}
      </dl>
      <CollectedChart months={figures.collectedByMonth} locale={locale} />
    </section>
  );
}

export function KeyFiguresSkeleton() {
  return <div aria-hidden="true" className="h-96 animate-pulse rounded-lg bg-slate-100" />;
}
