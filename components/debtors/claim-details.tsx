import { getTranslations } from 'next-intl/server';
import type { RatePeriod } from '@/lib/letters/rate-periods';
import { formatRate } from '@/lib/letters/text';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';

const FEE_KINDS = ['reminder_fee', 'notice_fee', 'standard_compensation', 'collection_fee_light', 'collection_fee_heavy'] as const;
type KnownFee = (typeof FEE_KINDS)[number];
const isKnownFee = (kind: string | null): kind is KnownFee => FEE_KINDS.some((known) => known === kind);

/**
 * What the fees are for and which interest rates ran when: the detail behind the amounts in Oversikt (the same
 * ledger rows and the same rate table the letters print), for the debtor.
 */
export async function ClaimDetails({
  fees,
  periods,
  interestFromOn,
  currency,
  locale,
}: {
  fees: { feeKind: string | null; total: number }[];
  periods: RatePeriod[];
  interestFromOn: string;
  currency: string;
  locale: Locale;
}) {
  const t = await getTranslations();
  const date = (iso: string) => formatDate(iso, locale);
  return (
    <section aria-labelledby="claim-details-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="claim-details-heading" className="mb-3 text-lg font-semibold">
        {t('minSide.case.feesHeading')}
      </h2>
      {fees.length > 0 ? (
        <dl className="mb-4 grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
          {fees.map((fee) => (
            <div key={fee.feeKind ?? 'other'} className="contents">
              <dt className="text-slate-600">
                {isKnownFee(fee.feeKind) ? t(`cases.letterDoc.fee_${fee.feeKind}`) : t('minSide.case.feeUnknown')}
              </dt>
              <dd className="text-right tabular-nums">{formatOre(fee.total, locale, currency)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <h3 className="mb-2 font-medium">{t('minSide.case.ratePeriods')}</h3>
      <p className="mb-2 text-sm text-slate-700">{t('minSide.case.interestFrom', { date: date(interestFromOn) })}</p>
      <ul className="grid gap-1 text-sm">
        {periods.map((period) => (
          <li key={period.fromOn}>
            {period.toOn
              ? t('minSide.case.ratePeriod', {
                  rate: formatRate(period.basisPoints, locale),
                  from: date(period.fromOn),
                  to: date(period.toOn),
                })
              : t('minSide.case.rateSince', { rate: formatRate(period.basisPoints, locale), from: date(period.fromOn) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
