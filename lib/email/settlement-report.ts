import { createTranslator } from 'next-intl';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { layout, type RenderedEmail } from './layout';

/** A new remittance slip, mailed to the company's settlement-report address; the PDF goes as an attachment. */
export type SettlementReportEmail = {
  template: 'settlement_report';
  companyName: string;
  slipNumber: string;
  settledOn: string;
  netOre: number;
  caseCount: number;
  reportsUrl: string;
  settingsUrl: string;
};

const MESSAGES = { nb, en } as const;

export function renderSettlementReport(locale: Locale, email: SettlementReportEmail): RenderedEmail {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'email' });
  const appName = createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'common' })('appName');
  const values = {
    company: email.companyName,
    slipNumber: email.slipNumber,
    settledOn: formatDate(email.settledOn, locale),
    net: formatOre(email.netOre, locale),
    count: email.caseCount,
  };
  const lines = [t('greeting'), t('settlementReport.intro', values), t('settlementReport.amount', values), t('settlementReport.attached')];
  const action = { label: t('settlementReport.action'), url: email.reportsUrl };
  const after = [`${t('settlementReport.why')} ${email.settingsUrl}`, t('signature', { appName })];
  return {
    subject: t('settlementReport.subject', values),
    text: [...lines, `${action.label}: ${action.url}`, ...after].join('\n\n'),
    html: layout(lines, action, after),
  };
}
