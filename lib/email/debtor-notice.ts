import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';
import { layout, type RenderedEmail } from './layout';

/**
 * What the agency tells a debtor outside the letters: a missed instalment, a letter waiting in Min side, or an
 * answer waiting there (to an objection or a message: only that, and the link; the rest is behind the sign-in).
 */
export type DebtorNoticeEmail =
  | {
      template: 'debtor_notice';
      kind: 'instalmentMissed';
      caseNumber: number;
      creditorName: string;
      amountOre: number;
      dueOn: string;
      deadlineOn: string;
      minSideUrl: string;
    }
  | { template: 'debtor_notice'; kind: 'letterAvailable'; caseNumber: number; creditorName: string; minSideUrl: string }
  | { template: 'debtor_notice'; kind: 'answerAvailable'; minSideUrl: string };

const MESSAGES = { nb, en } as const;

function values(locale: Locale, notice: DebtorNoticeEmail) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'email.debtorNotice' });
  if (notice.kind === 'answerAvailable')
    return { t, intro: t('answerAvailable.intro'), subject: t('answerAvailable.subject'), action: t('action') };
  const common = { caseNumber: String(notice.caseNumber), creditor: notice.creditorName };
  const intro =
    notice.kind === 'instalmentMissed'
      ? t('instalmentMissed.intro', {
          ...common,
          amount: formatOre(notice.amountOre, locale),
          dueOn: notice.dueOn,
          deadlineOn: notice.deadlineOn,
        })
      : t('letterAvailable.intro', common);
  return { t, intro, subject: t(`${notice.kind}.subject`, common), action: t('action') };
}

export function renderDebtorNotice(locale: Locale, notice: DebtorNoticeEmail): RenderedEmail {
  const { t, intro, subject, action } = values(locale, notice);
  const appName = createTranslator({ locale, messages: MESSAGES[locale] })('common.appName');
  const lines = [t('greeting'), intro];
  const closing = [t('signature', { appName })];
  return {
    subject,
    text: [...lines, `${action}: ${notice.minSideUrl}`, ...closing].join('\n\n'),
    html: layout(lines, { label: action, url: notice.minSideUrl }, closing),
  };
}

/** The same notice as one SMS. */
export function debtorNoticeSms(locale: Locale, notice: DebtorNoticeEmail): string {
  const { intro } = values(locale, notice);
  return `${intro} ${notice.minSideUrl}`;
}
