import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import type { SlipPdfText } from './pdf';

const MESSAGES = { nb, en } as const;

/** Every word the slip PDF prints, in `locale`. */
export function slipPdfWords(locale: Locale): SlipPdfText {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'reports.pdf' });
  const c = createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'reports.columns' });
  return {
    title: t('title'),
    agency: t('agency'),
    creditor: t('creditor'),
    organisationNumber: t('organisationNumber'),
    payoutAccount: t('payoutAccount'),
    settledOn: t('settledOn'),
    slipNumber: t('slipNumber'),
    bankReference: t('bankReference'),
    collected: t('collected'),
    directPayments: t('directPayments'),
    directNote: t('directNote'),
    totals: t('totals'),
    carriedIn: t('carriedIn'),
    carriedOut: t('carriedOut'),
    paidOut: t('paidOut'),
    columns: {
      caseNumber: c('caseNumber'),
      invoiceNumber: c('invoiceNumber'),
      customerNumber: c('customerNumber'),
      debtor: c('debtor'),
      principal: c('principal'),
      interest: c('interest'),
      fee: c('fee'),
      vat: c('vat'),
      net: c('net'),
    },
    page: (page, pages) => t('page', { page, pages }),
  };
}
