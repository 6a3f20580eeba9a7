import { getTranslations } from 'next-intl/server';
import type { ThreadMessage } from '@/lib/desk/queries';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { ShareDebtorMessageForm } from './share-debtor-message-form';

function authorKey(message: ThreadMessage) {
  if (message.fromDebtor) return message.sharedWithCreditor ? 'fromDebtorShared' : 'fromDebtor';
  if (message.toDebtor) return 'toDebtor';
  return message.fromAgency ? 'fromAgency' : 'fromCreditor';
}

/**
 * The desk's thread on a case (with the creditor, and with the debtor from Min side), oldest first; each message says
 * who wrote it and when, and a debtor's message not yet shared has the button that shares it with the creditor
 * (a shared one keeps the form's place, for the confirmation).
 */
export async function MessageThread({ caseId, messages, locale }: { caseId: string; messages: ThreadMessage[]; locale: Locale }) {
  const t = await getTranslations('caseMessages');
  if (messages.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ol className="grid gap-3">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`rounded-lg border p-3 text-sm ${message.fromAgency ? 'border-slate-200 bg-slate-50' : 'border-brand-50 bg-white'}`}
        >
          <p className="mb-1 text-xs text-slate-600">
            {t(authorKey(message), { name: message.authorName ?? '' })} ·{' '}
            <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, locale)}</time>
          </p>
          <p className="whitespace-pre-line text-slate-900">{message.body}</p>
          {message.fromDebtor ? (
            <ShareDebtorMessageForm
              caseId={caseId}
              messageId={message.id}
              which={t('shareWhich', { date: formatDateTime(message.createdAt, locale) })}
              shared={message.sharedWithCreditor}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
