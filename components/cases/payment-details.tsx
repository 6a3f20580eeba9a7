import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { formatDate } from '@/lib/i18n/format';
import { formatOre } from '@/lib/money';
import { CopyButton } from './copy-button';

type Props = {
  accountNumber: string;
  kid: string;
  amountOre: number;
  dueOn: string;
  currency: string;
  locale: Locale;
};

// What a netbank field accepts: digits only, and the amount without thousands separators.
function plainAmount(ore: number, locale: Locale): string {
  return `${Math.trunc(ore / 100)}${locale === 'nb' ? ',' : '.'}${String(Math.abs(ore) % 100).padStart(2, '0')}`;
}

/** Account number, KID, amount and due date, each with a copy button; shared by Oversikt and an opened letter. */
export async function PaymentDetails({ accountNumber, kid, amountOre, dueOn, currency, locale }: Props) {
  const t = await getTranslations('cases');
  const rows = [
    { label: t('paymentInfo.accountNumber'), shown: accountNumber, copy: accountNumber.replace(/\D/g, '') },
    { label: t('paymentInfo.kid'), shown: kid, copy: kid },
    { label: t('paymentInfo.amount'), shown: formatOre(amountOre, locale, currency), copy: plainAmount(amountOre, locale) },
    { label: t('paymentInfo.dueOn'), shown: formatDate(dueOn, locale), copy: formatDate(dueOn, locale) },
  ];
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="flex flex-wrap items-center gap-3">
            <span className="font-mono font-medium text-slate-900">{row.shown}</span>
            <CopyButton value={row.copy} label={row.label} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
