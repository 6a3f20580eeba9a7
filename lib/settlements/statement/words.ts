// No 'server-only': the page, the PDF route and the tests use the same words.
import { createTranslator } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import { formatOrganisationNumber } from '@/lib/norwegian-ids';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { OTHER_FEES, type CaseStatement } from './data';

const MESSAGES = { nb, en } as const;

export type StatementRow = { label: string; value: string; total?: boolean };
export type StatementWords = {
  title: string;
  intro: string;
  facts: [string, string][];
  sections: { heading: string; rows: StatementRow[] }[];
};

/** The § 15 statement's words in `locale`: the same for the page and the PDF. */
export function statementWords(
  statement: CaseStatement,
  locale: Locale,
  agency: { name: string; organisationNumber: string },
): StatementWords {
  const messages = MESSAGES[locale] as typeof nb;
  const t = createTranslator({ locale, messages, namespace: 'statement' });
  const fee = createTranslator({ locale, messages, namespace: 'cases.letterDoc' });
  const money = (ore: number) => formatOre(ore, locale, statement.currency);
  const { charged, paid, settled } = statement;
  const paidRows: StatementRow[] = [
    { label: t('paidToAgency'), value: money(paid.toAgencyOre) },
    { label: t('paidToCreditor'), value: money(paid.toCreditorOre) },
    { label: t('credited'), value: money(statement.creditedOre) },
  ];
  if (statement.outstandingOre > 0) paidRows.push({ label: t('unpaidAtEnd'), value: money(statement.outstandingOre), total: true });
  if (statement.outstandingOre < 0) paidRows.push({ label: t('creditAtEnd'), value: money(-statement.outstandingOre), total: true });
  const settledRows: StatementRow[] = [
    { label: t('agencyFee'), value: money(settled.agencyFeeOre) },
    { label: t('vat'), value: money(settled.vatOre) },
    { label: t('paidOut'), value: money(settled.paidOutOre), total: true },
  ];
  if (statement.unsettledOre !== 0) settledRows.push({ label: t('unsettled'), value: money(statement.unsettledOre) });
  return {
    title: t('title', { caseNumber: statement.caseNumber }),
    intro: t('intro'),
    facts: [
      [t('agency'), `${agency.name} (${formatOrganisationNumber(agency.organisationNumber)})`],
      [t('creditor'), `${statement.creditor.name} (${formatOrganisationNumber(statement.creditor.organisationNumber)})`],
      [t('debtor'), statement.debtorName],
      [t('invoices'), statement.invoices.map((invoice) => `${invoice.invoiceNumber}: ${money(invoice.amountOre)}`).join('; ')],
      [t('ended'), `${t(`status.${statement.status}`)}${statement.closedAt ? `, ${formatDate(statement.closedAt, locale)}` : ''}`],
    ],
    sections: [
      {
        heading: t('chargedHeading'),
        rows: [
          { label: t('principal'), value: money(charged.principalOre) },
          { label: t('interest'), value: money(charged.interestOre) },
          ...charged.fees.map((row) => ({
            label: row.feeKind === OTHER_FEES ? t('otherFees') : fee(`fee_${row.feeKind}` as 'fee_reminder_fee'),
            value: money(row.amountOre),
          })),
          { label: t('chargedTotal'), value: money(charged.totalOre), total: true },
        ],
      },
      { heading: t('paidHeading'), rows: paidRows },
      { heading: t('settledHeading'), rows: settledRows },
    ],
  };
}
