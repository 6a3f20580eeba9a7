import { getTranslations } from 'next-intl/server';
import { ROWS_CLASS } from '@/components/case-list/case-rows-html';
import type { CaseArrangement } from '@/lib/debtor-actions/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import { formatAccountNumber } from '@/lib/norwegian-ids';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const STATE_CLASS = { paid: 'text-green-800', missed: 'font-semibold text-red-800', due: 'text-slate-800' } as const;

/**
 * A started plan's schedule (Min side's plan page and case page): each instalment's day, amount, KID and whether it
 * is paid, missed (with the notice's deadline) or still due. A table from md, a card per instalment below it.
 */
export async function PlanSchedule({
  arrangement,
  kid,
  account,
  locale,
}: {
  arrangement: CaseArrangement;
  kid: string;
  account: string;
  locale: Locale;
}) {
  const t = await getTranslations('debtorActions.schedule');
  const tPlan = await getTranslations('debtorActions.plan');
  const money = (ore: number) => formatOre(ore, locale);
  return (
    <section aria-labelledby="plan-schedule-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="plan-schedule-heading" className="mb-1 text-lg font-semibold">
        {t(arrangement.kind === 'plan' ? 'planHeading' : 'postponementHeading')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {arrangement.status === 'active'
          ? tPlan('current.active', { kind: arrangement.kind, date: formatDate(arrangement.untilOn, locale) })
          : tPlan(`current.${arrangement.status}`)}{' '}
        {t('payTo', { account: formatAccountNumber(account) })}
      </p>
      <table className="min-w-full divide-y divide-slate-200 text-sm max-md:block">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="max-md:sr-only">
          <tr className="bg-slate-50">
            <th scope="col" className={TH}>
              {t('number')}
            </th>
            <th scope="col" className={TH}>
              {t('dueOn')}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t('amount')}
            </th>
            <th scope="col" className={TH}>
              {t('kid')}
            </th>
            <th scope="col" className={TH}>
              {t('state')}
            </th>
          </tr>
        </thead>
        <tbody className={ROWS_CLASS}>
          {arrangement.schedule.map((item) => (
            <tr key={item.number} data-state={item.state}>
              <th scope="row" className="col-span-2 text-left font-medium">
                {t('instalment', { number: item.number })}
              </th>
              <td data-label={t('dueOn')}>{formatDate(item.dueOn, locale)}</td>
              <td data-label={t('amount')} className="whitespace-nowrap tabular-nums md:text-right">
                {money(item.amountOre)}
              </td>
              <td data-label={t('kid')} className="tabular-nums">
                {kid}
              </td>
              <td data-label={t('state')} className={STATE_CLASS[item.state]}>
                {t(`states.${item.state}`)}
                {item.state === 'missed' && item.noticeSentOn && item.deadlineOn ? (
                  <span className="block font-normal">
                    {t('notice', { sentOn: formatDate(item.noticeSentOn, locale), deadlineOn: formatDate(item.deadlineOn, locale) })}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
