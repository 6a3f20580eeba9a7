import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { SlipPdfText } from './pdf';

/** The PDF's words in the request's locale. */
export async function slipPdfText(locale: Locale): Promise<SlipPdfText> {
  const t = await getTranslations({ locale, namespace: 'reports.pdf' });
  const c = await getTranslations({ locale, namespace: 'reports.columns' });
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
