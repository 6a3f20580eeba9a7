import { getTranslations } from 'next-intl/server';
import type { HistoryActivity } from '@/lib/cases/history-activities';
import type { HistoryEntry } from '@/lib/cases/queries';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { describeEvent, invoiceOf } from './describe-event';
import { HistoryFilter } from './history-filter';
import { LetterDetails } from './letter-details';

type Props = {
  companyId: string;
  caseId: string;
  entries: HistoryEntry[];
  activities: readonly HistoryActivity[];
  openLetterId: string | null;
  agencyName: string;
  currency: string;
  locale: Locale;
};

/** Historikk: every event of the case, newest first, with date, who did it and what happened. */
export async function CaseHistory({ companyId, caseId, entries, activities, openLetterId, agencyName, currency, locale }: Props) {
  const t = await getTranslations('cases');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="sr-only">
        {t('detail.history')}
      </h2>
      <HistoryFilter caseId={caseId} chosen={activities} locale={locale} />
      <p className="mb-2 text-sm text-slate-600" role="status">
        {t('history.count', { count: entries.length })}
      </p>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-600">
          {t('history.empty')}
        </p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {entries.map((entry) => {
            const invoiceNumber = invoiceOf(entry);
            return (
              <li
                key={entry.id}
                id={`event-${entry.id}`}
                className="grid gap-1 px-5 py-3 text-sm sm:grid-cols-[7rem_12rem_minmax(0,1fr)] sm:gap-4"
              >
                <time dateTime={entry.occurredAt.toISOString()} className="tabular-nums text-slate-600">
                  {formatDate(entry.occurredAt, locale)}
                </time>
                <span className="text-slate-700">{entry.actorName ?? agencyName}</span>
                <div>
                  <p className="text-slate-900">{describeEvent(t, entry, locale)}</p>
                  {invoiceNumber && entry.type !== 'case.registered' ? (
                    <p className="text-slate-600">{t('history.invoice', { invoiceNumber })}</p>
                  ) : null}
                  {entry.messageBody ? (
                    <blockquote className="mt-1 whitespace-pre-line border-l-2 border-slate-200 pl-3 text-slate-700">
                      {entry.messageBody}
                    </blockquote>
                  ) : null}
                  {entry.type === 'task.answered' && typeof entry.data.answer === 'string' ? (
                    <blockquote className="mt-1 whitespace-pre-line border-l-2 border-slate-200 pl-3 text-slate-700">
                      {entry.data.answer}
                    </blockquote>
                  ) : null}
                  {entry.type === 'letter.sent' ? (
                    <LetterDetails
                      companyId={companyId}
                      caseId={caseId}
                      entry={entry}
                      isOpen={entry.id === openLetterId}
                      currency={currency}
                      locale={locale}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
