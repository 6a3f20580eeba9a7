import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { monthLabels } from '@/lib/insights/months';
import { formatOre } from '@/lib/money';

type Props = { months: { month: string; collectedOre: number }[]; locale: Locale };

const NARROW = 'w-px whitespace-nowrap py-0.5';

/**
 * Collected per month, last 12 months: a table whose rows carry their bar between the month and the amount, so the
 * numbers are on the bars at 360 px as on a desktop, and a screen reader reads the same. All bars share the middle
 * column, so they share one scale. They are SVG: a width attribute, where an inline style would be refused by the CSP.
 */
export async function CollectedChart({ months, locale }: Props) {
  const t = await getTranslations('insights.figures');
  const max = Math.max(1, ...months.map((m) => m.collectedOre));
  const labels = monthLabels(
    months.map((m) => m.month),
    locale,
  );
  const total = months.reduce((sum, m) => sum + m.collectedOre, 0);
  return (
    <div className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left font-semibold">{t('chartTitle')}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{t('month')}</th>
            <td />
            <th scope="col">{t('collected')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m, index) => {
            // This month has only begun: its bar is lighter and its label says so.
            const current = index === months.length - 1;
            return (
              <tr key={m.month}>
                <th scope="row" className={`${NARROW} pr-2 text-left font-normal text-slate-700`}>
                  {current ? t('soFar', { month: labels[index] ?? '' }) : labels[index]}
                </th>
                <td className="py-0.5">
                  <svg aria-hidden="true" className="block h-3.5 w-full" viewBox="0 0 1000 14" preserveAspectRatio="none">
                    <rect width={Math.round((m.collectedOre / max) * 1000)} height={14} fill={current ? '#93c5fd' : '#1d4ed8'} />
                  </svg>
                </td>
                <td className={`${NARROW} pl-2 text-right tabular-nums`}>{formatOre(m.collectedOre, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="text-sm text-slate-700">{t('chartSummary', { total: formatOre(total, locale) })}</p>
    </div>
  );
}
