import { getTranslations } from 'next-intl/server';
import type { PaymentInfo } from '@/lib/cases/payment-info';
import type { Locale } from '@/lib/i18n/routing';
import { PaymentDetails } from './payment-details';

/** Oversikt → Betalingsinformasjon: what the creditor can pass on to a debtor who asks how to pay. */
export async function PaymentInfoPanel({
  info,
  currency,
  agencyName,
  locale,
  reader = 'creditor',
}: {
  info: PaymentInfo | null;
  currency: string;
  agencyName: string;
  locale: Locale;
  /** Who reads it: the creditor is told whom the debtor pays; the debtor in Min side, whom they pay. */
  reader?: 'creditor' | 'debtor';
}) {
  const t = await getTranslations('cases');
  return (
    <section aria-labelledby="payment-info-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="payment-info-heading" className="mb-3 text-lg font-semibold">
        {t('paymentInfo.title')}
      </h2>
      {info ? (
        <>
          <p className="mb-3 text-sm text-slate-600" data-payee>
            {t(reader === 'debtor' ? 'paymentInfo.payeeForDebtor' : 'paymentInfo.payee', { agency: agencyName })}
          </p>
          <PaymentDetails
            accountNumber={info.accountNumber}
            kid={info.kid}
            amountOre={info.amountOre}
            dueOn={info.dueOn}
            currency={currency}
            locale={locale}
          />
          {info.isKidValid ? null : <p className="mt-3 text-sm font-medium text-red-700">{t('paymentInfo.invalidKid')}</p>}
          <p className="mt-3 text-xs text-slate-500">{t('paymentInfo.dueNote')}</p>
        </>
      ) : (
        <p className="text-sm text-slate-600">{t('paymentInfo.nothingToPay')}</p>
      )}
    </section>
  );
}
