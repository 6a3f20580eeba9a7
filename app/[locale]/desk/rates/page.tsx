import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AddRateForm } from '@/components/desk/add-rate-form';
import { ClientMessages } from '@/components/layout/client-messages';
import { PageHeader } from '@/components/layout/page-header';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireStaff } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { casesStoppedForRate, listRates } from '@/lib/desk/rates/queries';
import { halfYearsAround } from '@/lib/desk/rates/warnings';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOre, formatOreNumber } from '@/lib/money';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk.rates'))('title'), robots: { index: false } };
}

const CELL = 'px-3 py-2 text-left align-top';

/** Satser: every rate the engine uses (the system's and the desk's, with source), and the form to enter one. */
export default async function DeskRatesPage({ params }: PageProps<'/[locale]/desk/rates'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const t = await getTranslations('desk.rates');
  const [rows, stopped] = await Promise.all([listRates(), casesStoppedForRate()]);
  return (
    <ClientMessages paths={['cases.errors', 'desk.rates', 'users.errors', 'validation']}>
      <>
        <PageHeader title={t('title')} />
        <p className="mb-2 max-w-3xl text-slate-700">{t('intro')}</p>
        <p className="mb-6 max-w-3xl font-medium text-slate-800">{t('stopped', { count: stopped })}</p>
        <TableScroll label={t('tableLabel')} className="mb-8 rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th className={CELL}>{t('columns.kind')}</th>
                <th className={CELL}>{t('columns.validFrom')}</th>
                <th className={`${CELL} text-right`}>{t('columns.value')}</th>
                <th className={CELL}>{t('columns.source')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.kind}-${row.validFrom}-${row.origin}`} className="border-t border-slate-100">
                  <th scope="row" className={`${CELL} font-medium`}>
                    {t(`kinds.${row.kind}`)}
                  </th>
                  <td className={`${CELL} whitespace-nowrap`}>{formatDate(row.validFrom, locale)}</td>
                  <td className={`${CELL} whitespace-nowrap text-right tabular-nums`}>
                    {row.kind === 'interest' ? t('percent', { value: formatOreNumber(row.value, locale) }) : formatOre(row.value, locale)}
                  </td>
                  {/* Wide enough to read: the table box scrolls sideways on a phone instead. */}
                  <td className={`${CELL} min-w-56`}>
                    {row.origin === 'code' ? t('builtIn') : row.source}
                    {row.assumption ? <strong className="mt-1 block text-amber-800">{t('assumption')}</strong> : null}
                    {row.corrections.map((correction) => (
                      <span key={correction.createdAt.toISOString()} className="mt-1 block text-slate-600">
                        {t('correctedFrom', {
                          date: formatDate(correction.createdAt, locale),
                          from:
                            row.kind === 'interest'
                              ? t('percent', { value: formatOreNumber(correction.previousValue, locale) })
                              : formatOre(correction.previousValue, locale),
                          source: correction.source,
                        })}{' '}
                        {correction.reconciledCases === null
                          ? t('reconciliation.queued')
                          : t('reconciliation.done', { count: correction.reconciledCases })}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <section aria-labelledby="add-rate">
          <h2 id="add-rate" className="mb-3 text-lg font-semibold">
            {t('addHeading')}
          </h2>
          <AddRateForm suggestedFrom={halfYearsAround(todayInOslo()).next} />
        </section>
        <section aria-labelledby="correct-rate" className="mt-8">
          <h2 id="correct-rate" className="mb-3 text-lg font-semibold">
            {t('correctHeading')}
          </h2>
          <p className="mb-3 max-w-3xl text-slate-700">{t('correctIntro')}</p>
          <AddRateForm suggestedFrom={halfYearsAround(todayInOslo()).current} correction />
        </section>
      </>
    </ClientMessages>
  );
}
