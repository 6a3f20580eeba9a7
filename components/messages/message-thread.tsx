import { getTranslations } from 'next-intl/server';
import type { ThreadMessage } from '@/lib/desk/queries';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

/** The thread between the agency and the creditor, oldest first; each message says who wrote it and when. */
export async function MessageThread({ messages, locale }: { messages: ThreadMessage[]; locale: Locale }) {
  const t = await getTranslations('caseMessages');
  if (messages.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ol className="grid gap-3">
      {messages.map((message) => (
        <li key={message.id} className={`rounded-lg border p-3 text-sm ${message.fromAgency ? 'border-slate-200 bg-slate-50' : 'border-brand-50 bg-white'}`}>
          <p className="mb-1 text-xs text-slate-600">
            {message.fromDebtor ? t(message.sharedWithCreditor ? 'fromDebtorShared' : 'fromDebtor') : t(message.fromAgency ? 'fromAgency' : 'fromCreditor', { name: message.authorName ?? '' })} ·{' '}
            <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, locale)}</time>
          </p>
          <p className="whitespace-pre-line text-slate-900">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
