import { createTranslator } from 'next-intl';
import type { Role } from '@/lib/roles';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { renderDebtorNotice, type DebtorNoticeEmail } from './debtor-notice';
import { layout, type RenderedEmail } from './layout';
import { renderSettlementReport, type SettlementReportEmail } from './settlement-report';

/** The emails we send, with what each needs. Links are absolute (PORTAL_URL), never secrets in `data`. */
/** One case a notification names: a new task (with its title) or a new message. */
export type NotificationItem = { caseNumber: number; title: string | null; caseUrl: string };

export type NotificationEmail = {
  template: 'notification';
  kind: 'tasks' | 'messages';
  /** One item for a single event; several when the email sums up what happened since the last one. */
  items: NotificationItem[];
  /** Where a summary's button leads (Innsikt for tasks, the case list for messages). */
  overviewUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
};

export type EmailTemplate =
  // The inviter by their address, not their name: a name is free text, and this email comes from the agency's domain.
  | { template: 'invitation'; inviterEmail: string; companyNames: string[]; role: Role; acceptUrl: string; expiresAt: Date }
  | { template: 'invoice_failed'; invoiceNumber: string; reasonKey: string; reasonValues: Record<string, string>; fixUrl: string }
  | { template: 'password_changed'; securityUrl: string; at: Date }
  | { template: 'recovery_code_used'; securityUrl: string; at: Date }
  | { template: 'second_factor_failures'; securityUrl: string; at: Date; recoveryOnly: boolean }
  | NotificationEmail
  | SettlementReportEmail
  | DebtorNoticeEmail;

const MESSAGES = { nb, en } as const;

type Translate = ReturnType<typeof createTranslator<typeof nb>>;

/** Betaprogram → + Ny faktura: the registration job refused the invoice; the reason and where to fix it. */
function renderInvoiceFailed(t: Translate, appName: string, email: Extract<EmailTemplate, { template: 'invoice_failed' }>): RenderedEmail {
  const reason = t.has(email.reasonKey as never)
    ? t(email.reasonKey as never, email.reasonValues as never)
    : t('invoices.errors.jobInvalid');
  const lines = [
    t('email.greeting'),
    t('email.invoiceFailed.intro', { invoiceNumber: email.invoiceNumber }),
    reason,
    t('email.invoiceFailed.fix'),
  ];
  const action = { label: t('email.invoiceFailed.action'), url: email.fixUrl };
  const closing = [t('email.signature', { appName })];
  return {
    subject: t('email.invoiceFailed.subject', { invoiceNumber: email.invoiceNumber }),
    text: [...lines, `${action.label}: ${action.url}`, ...closing].join('\n\n'),
    html: layout(lines, action, closing),
  };
}

const SECURITY_NOTICE_KEYS = {
  password_changed: 'passwordChanged',
  recovery_code_used: 'recoveryCodeUsed',
  second_factor_failures: 'secondFactorFailures',
} as const;

/** "Your password was changed" / "a recovery code was used" / "wrong codes after your password": when, and what to do if it was not you. */
function renderSecurityNotice(
  t: Translate,
  locale: Locale,
  email: Extract<EmailTemplate, { template: keyof typeof SECURITY_NOTICE_KEYS }>,
): RenderedEmail {
  const key = SECURITY_NOTICE_KEYS[email.template];
  const appName = t('common.appName');
  const recoveryOnly =
    email.template === 'second_factor_failures' && email.recoveryOnly ? [t('email.secondFactorFailures.recoveryOnly')] : [];
  const lines = [
    t('email.greeting'),
    t(`email.${key}.intro`, { appName, at: formatDateTime(email.at, locale) }),
    ...recoveryOnly,
    t('email.security.notYou'),
  ];
  const action = { label: t('email.security.action'), url: email.securityUrl };
  const closing = [t('email.signature', { appName })];
  return {
    subject: t(`email.${key}.subject`, { appName }),
    text: [...lines, `${action.label}: ${action.url}`, ...closing].join('\n\n'),
    html: layout(lines, action, closing),
  };
}

function renderNotification(locale: Locale, email: NotificationEmail): RenderedEmail {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const appName = t('common.appName');
  const first = email.items[0];
  const single = email.items.length === 1 && first;
  const kind = email.kind;
  const itemLine = (item: NotificationItem) =>
    item.title
      ? t('email.notification.itemWithTitle', { caseNumber: String(item.caseNumber), title: item.title })
      : t('email.notification.item', { caseNumber: String(item.caseNumber) });
  const intro = single
    ? t(`email.notification.${kind}.single`, { caseNumber: String(first.caseNumber) })
    : t(`email.notification.${kind}.summary`, { count: email.items.length });
  const lines = [t('email.greeting'), intro, ...(single && first.title ? [first.title] : []), ...(single ? [] : email.items.map(itemLine))];
  const action = { label: t('email.notification.action'), url: single ? first.caseUrl : email.overviewUrl };
  const after = [
    t('email.notification.why', { appName }),
    `${t(`email.notification.${kind}.unsubscribe`)}: ${email.unsubscribeUrl}`,
    `${t('email.notification.settings')}: ${email.settingsUrl}`,
    t('email.signature', { appName }),
  ];
  const subject = single
    ? t(`email.notification.${kind}.subjectSingle`, { caseNumber: String(first.caseNumber), appName })
    : t(`email.notification.${kind}.subjectSummary`, { count: email.items.length, appName });
  return {
    subject,
    text: [...lines, `${action.label}: ${action.url}`, ...after].join('\n\n'),
    html: layout(lines, action, after),
  };
}

function renderInvitation(
  t: Translate,
  locale: Locale,
  appName: string,
  email: Extract<EmailTemplate, { template: 'invitation' }>,
): RenderedEmail {
  const companies = new Intl.ListFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { type: 'conjunction' }).format(email.companyNames);
  const values = { appName, inviter: email.inviterEmail, companies, role: t(`users.roles.${email.role}`) };
  const lines = [t('email.greeting'), t('email.invitation.intro', values), t('email.invitation.role', values), t('email.invitation.steps')];
  const after = [
    t('email.invitation.expiry', { expiresAt: formatDateTime(email.expiresAt, locale) }),
    t('email.invitation.ignore'),
    t('email.signature', { appName }),
  ];
  const action = { label: t('email.invitation.action'), url: email.acceptUrl };
  return {
    subject: t('email.invitation.subject', values),
    text: [...lines, `${action.label}: ${action.url}`, ...after].join('\n\n'),
    html: layout(lines, action, after),
  };
}

/** Renders an email in the recipient's language: subject, plain text and HTML from the 'email' messages. */
export function renderEmail(locale: Locale, email: EmailTemplate): RenderedEmail {
  if (email.template === 'notification') return renderNotification(locale, email);
  if (email.template === 'settlement_report') return renderSettlementReport(locale, email);
  if (email.template === 'debtor_notice') return renderDebtorNotice(locale, email);
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const appName = t('common.appName');
  if (email.template === 'invoice_failed') return renderInvoiceFailed(t, appName, email);
  if (email.template === 'password_changed' || email.template === 'recovery_code_used' || email.template === 'second_factor_failures') {
    return renderSecurityNotice(t, locale, email);
  }
  return renderInvitation(t, locale, appName, email);
}
