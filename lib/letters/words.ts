// No 'server-only': the words are the same for the HTML view, the PDF route and the tests.
import { createTranslator } from 'next-intl';
import type { InterestRate } from '@/lib/engine/rules';
import type { Letter } from '@/db/schema';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import { formatAccountNumber, formatOrganisationNumber } from '@/lib/norwegian-ids';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import type { LetterPdfText } from './pdf';
import { ratePeriods } from './rate-periods';
import { formatRate, letterKindKey } from './text';

const MESSAGES = { nb, en } as const;

export type Agency = { name: string; organisationNumber: string; email: string; phone: string };
export type LetterWords = LetterPdfText & { kind: ReturnType<typeof letterKindKey> };

/**
 * Every word a letter prints, in `locale`, from messages/<locale>.json: who sends it and how to reach them, the
 * claim, the amounts, each interest rate with its period, the consequence of not paying, the right to object and
 * (on the betalingsoppfordring) to nemndsbehandling, and the payment information. `rates` are the engine's tables.
 */
/** Min side's address and the letter's sign-in code as printed (masked on the agency's and creditor's copies). */
export type LetterAccess = { url: string; code: string };

export function letterWords(
  letter: Letter,
  options: { currency: string; locale: Locale; agency: Agency; rates: readonly InterestRate[]; access?: LetterAccess },
): LetterWords {
  const { currency, locale, agency } = options;
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'cases' });
  const kind = letterKindKey(letter.kind);
  const money = (ore: number) => formatOre(ore, locale, currency);
  const date = (iso: string) => formatDate(iso, locale);
  const { content } = letter;
  const debtor = [content.debtor.name, content.debtor.addressLine, [content.debtor.postcode, content.debtor.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const claim = content.invoices
    .map(
      (invoice) =>
        `${t('letterDoc.invoiceLine', { invoiceNumber: invoice.invoiceNumber, dueOn: date(invoice.dueOn) })}: ${money(invoice.amountOre)}`,
    )
    .join('; ');
  const periods = ratePeriods(letter.interestFromOn, letter.sentOn, options.rates);
  const interest =
    periods.length > 1
      ? [
          t('letterDoc.interestPeriods'),
          ...periods.map((period) =>
            period.toOn
              ? t('letterDoc.ratePeriod', {
                  rate: formatRate(period.basisPoints, locale),
                  from: date(period.fromOn),
                  to: date(period.toOn),
                })
              : t('letterDoc.rateSince', { rate: formatRate(period.basisPoints, locale), from: date(period.fromOn) }),
          ),
        ]
      : [
          letter.interestRateBasisPoints !== null
            ? t('letterDoc.interestRate', { rate: formatRate(letter.interestRateBasisPoints, locale), date: date(letter.interestFromOn) })
            : t('letterDoc.noRate', { date: date(letter.interestFromOn) }),
        ];
  const newFees = content.newFees.length
    ? [
        `${t('letterDoc.newFees')} ${content.newFees.map((fee) => `${t(`letterDoc.fee_${fee.feeKind}` as 'letterDoc.fee_reminder_fee')} ${money(fee.amountOre)}`).join(', ')}`,
      ]
    : [];
  return {
    kind,
    title: t('letterDoc.title', { letter: t(`letter.${kind}`), caseNumber: content.caseNumber }),
    sentOn: t('letterDoc.sentOn', { date: date(letter.sentOn) }),
    facts: [
      [
        t('letterDoc.sender'),
        t('letterDoc.senderValue', {
          agency: agency.name,
          organisationNumber: formatOrganisationNumber(agency.organisationNumber),
          creditor: content.creditor.name,
        }),
      ],
      [t('letterDoc.creditor'), `${content.creditor.name} (${formatOrganisationNumber(content.creditor.organisationNumber)})`],
      [t('letterDoc.debtor'), debtor],
      [t('letterDoc.claim'), claim],
    ],
    amounts: [
      [t('letterDoc.principal'), money(letter.principalOre)],
      [t('letterDoc.interest'), money(letter.interestOre)],
      [t('letterDoc.fees'), money(letter.feeOre)],
      [t('letterDoc.total'), money(letter.amountDueOre)],
    ],
    paragraphs: [
      ...newFees,
      ...interest,
      t(`letterDoc.consequence_${kind}`),
      t('letterDoc.objection', { agency: agency.name }),
      ...(kind === 'demand' ? [t('letterDoc.complaintsBoard')] : []),
      t('letterDoc.contact', { agency: agency.name, email: agency.email, phone: agency.phone }),
      ...(options.access
        ? [t('letterDoc.accessCodeHint', { url: options.access.url, caseNumber: content.caseNumber, code: options.access.code })]
        : []),
    ],
    paymentHeading: t('letterDoc.payment'),
    payment: [
      [t('letterDoc.payee'), agency.name],
      [t('letterDoc.account'), formatAccountNumber(letter.accountNumber)],
      [t('letterDoc.kid'), letter.kid],
      [t('letterDoc.amount'), money(letter.amountDueOre)],
      [t('letterDoc.dueOn'), letter.deadlineOn ? date(letter.deadlineOn) : t('letterDoc.noDeadline')],
      ...(options.access ? [[t('letterDoc.accessCode'), options.access.code] as [string, string]] : []),
    ],
  };
}
