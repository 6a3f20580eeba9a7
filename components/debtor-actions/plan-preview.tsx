import { getTranslations } from 'next-intl/server';
import type { ArrangementPreview } from '@/lib/arrangements/options';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre, formatOreNumber } from '@/lib/money';
import { formatAccountNumber } from '@/lib/norwegian-ids';

/** Each option's total to the øre: paying today, the choice (interest on the way, the plan fee), the fee-free plan. */
export async function PlanPreview({
  preview,
  locale,
  account,
  kid,
}: {
  preview: ArrangementPreview;
  locale: Locale;
  account: string;
  kid: string;
}) {
  const t = await getTranslations('debtorActions.plan');
  const money = (ore: number) => formatOre(ore, locale);
  const { option } = preview;
  return (
    <div className="grid gap-3 text-sm">
      <h2 id="plan-cost" className="text-lg font-semibold">
        {t('preview')}
      </h2>
      <ul className="grid gap-2">
        <li>{t('payNow', { amount: money(option.owedTodayOre) })}</li>
        {preview.kind === 'postponement' ? (
          <li className="font-medium">
            {t('postponementCost', {
              amount: money(option.totalOre),
              date: formatDate(preview.option.untilOn, locale),
              extra: money(option.extraOre),
            })}
          </li>
        ) : (
          <li className="font-medium">
            {t('planCost', { count: preview.option.instalments.length, total: money(option.totalOre), extra: money(option.extraOre) })}
          </li>
        )}
      </ul>
      {preview.kind === 'plan' && preview.option.planFeeOre > 0 ? <p>{t('planFee', { fee: money(preview.option.planFeeOre) })}</p> : null}
      {preview.kind === 'plan' && preview.feeFree ? (
        <p>{t('avoidFee', { count: preview.feeFree.instalments.length, total: money(preview.feeFree.totalOre) })}</p>
      ) : null}
      {preview.kind === 'plan' ? (
        <>
          <h3 className="font-semibold">{t('schedule')}</h3>
          <ol className="grid gap-1">
            {preview.option.instalments.map((item) => (
              <li key={item.number}>
                {t('instalment', { number: item.number, date: formatDate(item.dueOn, locale), amount: money(item.amountOre) })}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {preview.estimatedRate ? (
        <p>
          {t('estimatedRate', {
            date: formatDate(preview.estimatedRate.fromOn, locale),
            rate: formatOreNumber(preview.estimatedRate.rateBasisPoints, locale),
          })}
        </p>
      ) : null}
      <p>{t('kid', { account: formatAccountNumber(account), kid })}</p>
      {preview.limit === 'inside' ? null : (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">{t('outside')}</p>
      )}
    </div>
  );
}
