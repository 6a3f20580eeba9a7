import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Letter } from '@/db/schema';
import { formatAccountNumber } from '@/lib/norwegian-ids';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import type { LetterPdfText } from './pdf';
import { formatRate, letterKindKey } from './text';

/** The PDF's lines in the request's locale: the same words as the HTML view in Historikk. */
export async function letterPdfText(letter: Letter, currency: string, locale: Locale): Promise<LetterPdfText> {
  const t = await getTranslations({ locale, namespace: 'cases' });
  const kind = letterKindKey(letter.kind);
  const money = (ore: number) => formatOre(ore, locale, currency);
  const { content } = letter;
  const debtor = [content.debtor.name, content.debtor.addressLine, [content.debtor.postcode, content.debtor.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const claim = content.invoices.map((invoice) => `${t('letterDoc.invoiceLine', { invoiceNumber: invoice.invoiceNumber, dueOn: formatDate(invoice.dueOn, locale) })}: ${money(invoice.amountOre)}`).join('; ');
  const rate =
    letter.interestRateBasisPoints !== null
      ? t('letterDoc.interestRate', { rate: formatRate(letter.interestRateBasisPoints, locale), date: formatDate(letter.interestFromOn, locale) })
      : t('letterDoc.noRate', { date: formatDate(letter.interestFromOn, locale) });
  const newFees = content.newFees.length
    ? [`${t('letterDoc.newFees')} ${content.newFees.map((fee) => `${t(`letterDoc.fee_${fee.feeKind}` as 'letterDoc.fee_reminder_fee')} ${money(fee.amountOre)}`).join(', ')}`]
    : [];
  return {
    title: t('letterDoc.title', { letter: t(`letter.${kind}`), caseNumber: content.caseNumber }),
    sentOn: t('letterDoc.sentOn', { date: formatDate(letter.sentOn, locale) }),
    facts: [
      [t('letterDoc.creditor'), `${content.creditor.name} (${content.creditor.organisationNumber})`],
      [t('letterDoc.debtor'), debtor],
      [t('letterDoc.claim'), claim],
    ],
    amounts: [
      [t('letterDoc.principal'), money(letter.principalOre)],
      [t('letterDoc.interest'), money(letter.interestOre)],
      [t('letterDoc.fees'), money(letter.feeOre)],
      [t('letterDoc.total'), money(letter.amountDueOre)],
    ],
    paragraphs: [...newFees, rate, t(`letterDoc.consequence_${kind}`), t('letterDoc.objection')],
    paymentHeading: t('letterDoc.payment'),
    payment: [
      [t('letterDoc.account'), formatAccountNumber(letter.accountNumber)],
      [t('letterDoc.kid'), letter.kid],
      [t('letterDoc.amount'), money(letter.amountDueOre)],
      [t('letterDoc.dueOn'), letter.deadlineOn ? formatDate(letter.deadlineOn, locale) : t('letterDoc.noDeadline')],
    ],
  };
}
