import { getTranslations } from 'next-intl/server';
import type { Letter } from '@/db/schema';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatRate, letterKindKey } from '@/lib/letters/text';
import { formatOre } from '@/lib/money';

/**
 * The letter as the engine sent it: creditor, debtor, what the claim is, principal and additional claims
 * separately, the interest rate and from when, the consequences and the right to object, and the payment
 * information printed on it; with its PDF.
 */
export async function LetterDocument({ letter, currency, locale }: { letter: Letter; currency: string; locale: Locale }) {
  const t = await getTranslations('cases');
  const kind = letterKindKey(letter.kind);
  const money = (ore: number) => formatOre(ore, locale, currency);
  const { content } = letter;
  return (
    <article className="grid gap-3" aria-label={t(`letter.${kind}`)}>
      <header>
        <h3 className="font-semibold text-slate-900">{t('letterDoc.title', { letter: t(`letter.${kind}`), caseNumber: content.caseNumber })}</h3>
        <p className="text-slate-600">{t('letterDoc.sentOn', { date: formatDate(letter.sentOn, locale) })}</p>
      </header>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('letterDoc.creditor')}</dt>
        <dd>{content.creditor.name}</dd>
        <dt className="text-slate-600">{t('letterDoc.debtor')}</dt>
        <dd>{[content.debtor.name, content.debtor.addressLine, [content.debtor.postcode, content.debtor.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
        <dt className="text-slate-600">{t('letterDoc.claim')}</dt>
        <dd>
          <ul>
            {content.invoices.map((invoice) => (
              <li key={invoice.invoiceNumber}>
                {t('letterDoc.invoiceLine', { invoiceNumber: invoice.invoiceNumber, dueOn: formatDate(invoice.dueOn, locale) })}: {money(invoice.amountOre)}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <table className="w-full max-w-md text-left">
        <tbody>
          <tr><th scope="row" className="font-normal text-slate-600">{t('letterDoc.principal')}</th><td className="text-right tabular-nums">{money(letter.principalOre)}</td></tr>
          <tr><th scope="row" className="font-normal text-slate-600">{t('letterDoc.interest')}</th><td className="text-right tabular-nums">{money(letter.interestOre)}</td></tr>
          <tr><th scope="row" className="font-normal text-slate-600">{t('letterDoc.fees')}</th><td className="text-right tabular-nums">{money(letter.feeOre)}</td></tr>
          <tr><th scope="row" className="font-semibold">{t('letterDoc.total')}</th><td className="text-right font-semibold tabular-nums">{money(letter.amountDueOre)}</td></tr>
        </tbody>
      </table>
      {content.newFees.length > 0 ? (
        <p className="text-slate-700">
          {t('letterDoc.newFees')} {content.newFees.map((fee) => `${t(`letterDoc.fee_${fee.feeKind}` as 'letterDoc.fee_reminder_fee')} ${money(fee.amountOre)}`).join(', ')}
        </p>
      ) : null}
      <p className="text-slate-700">
        {letter.interestRateBasisPoints !== null
          ? t('letterDoc.interestRate', { rate: formatRate(letter.interestRateBasisPoints, locale), date: formatDate(letter.interestFromOn, locale) })
          : t('letterDoc.noRate', { date: formatDate(letter.interestFromOn, locale) })}
      </p>
      <p className="text-slate-700">{t(`letterDoc.consequence_${kind}`)}</p>
      <p className="text-slate-700">{t('letterDoc.objection')}</p>
    </article>
  );
}
