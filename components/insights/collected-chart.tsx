import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';

type Props = { months: { month: string; collectedOre: number }[]; locale: Locale };

const WIDTH = 600;
const HEIGHT = 200;
const BAR_GAP = 8;

function monthLabel(month: string, locale: Locale): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(date);
}

function monthLong(month: string, locale: Locale): string {
  const date = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Collected per month, last 12 months: an SVG drawn on the server, with the same numbers as a table beside it. */
export async function CollectedChart({ months, locale }: Props) {
  const t = await getTranslations('insights.figures');
  const max = Math.max(1, ...months.map((m) => m.collectedOre));
  const barWidth = (WIDTH - BAR_GAP * (months.length + 1)) / months.length;
  const total = months.reduce((sum, m) => sum + m.collectedOre, 0);
  return (
    <figure className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption id="collected-chart-caption" className="font-semibold">
        {t('chartTitle')}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 24}`} role="img" aria-labelledby="collected-chart-caption collected-chart-summary" className="h-auto w-full">
        <title>{t('chartTitle')}</title>
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#94a3b8" strokeWidth={1} />
        {months.map((m, index) => {
          const height = Math.round((m.collectedOre / max) * (HEIGHT - 10));
          const x = BAR_GAP + index * (barWidth + BAR_GAP);
          return (
            <g key={m.month}>
              <rect x={x} y={HEIGHT - height} width={barWidth} height={height} fill="#1d4ed8" rx={2}>
                <title>{`${monthLong(m.month, locale)}: ${formatOre(m.collectedOre, locale)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={11} fill="#334155">
                {monthLabel(m.month, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <p id="collected-chart-summary" className="text-sm text-slate-700">
        {t('chartSummary', { total: formatOre(total, locale) })}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{t('chartTable')}</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 min-w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4">{t('month')}</th>
                <th scope="col" className="py-1 text-right">{t('collected')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className="py-1 pr-4 font-normal">{monthLong(m.month, locale)}</th>
                  <td className="py-1 text-right tabular-nums">{formatOre(m.collectedOre, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
